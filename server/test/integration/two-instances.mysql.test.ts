import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { ERRORS } from '@xiangli/shared'
import type { DatabaseTarget } from '../../src/core/database/data-source'
import { freshDatabase } from '../../src/core/database/test-databases'
import { DIALECT, multipart } from '../support/app'
import { startTestS3, type TestS3 } from '../support/s3'
import { ensureServerBuilt, spawnServer, type SpawnedServer } from '../support/spawned-server'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

interface Answer {
  status: number
  body: any
  bytes: Buffer
  headers: Headers
}

/**
 * Two built server processes behind an imagined load balancer: one MariaDB database, one Redis, one
 * S3 bucket. A resident and a committee member go through an issue, a certificate and a notice with
 * every request sent to the other instance than the one before, so nothing may live in one process
 * alone: not a session, not a file, not a count of logins. (Production runs on MySQL only: the file
 * runs in the MySQL stage, see jest.config.js.)
 */
describe(`two server instances on one ${DIALECT} database, Redis and an S3 bucket`, () => {
  let target: DatabaseTarget
  let drop: () => Promise<void>
  let s3: TestS3
  const servers: SpawnedServer[] = []
  let turn = 0
  const sent: string[] = []
  let village: number
  let resident: string
  let committee: string

  /** A, B, A, B …: each request goes to the instance the previous one did not */
  async function send(
    method: 'GET' | 'POST',
    path: string,
    o: { token?: string; body?: unknown; payload?: Buffer; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const server = servers[turn++ % 2]!
    sent.push(server === servers[0] ? 'A' : 'B')
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...o.headers,
      },
      body: o.payload ?? (o.body !== undefined ? JSON.stringify(o.body) : undefined),
    })
    const bytes = Buffer.from(await res.arrayBuffer())
    let body: unknown = null
    if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(bytes.toString('utf8'))
    return { status: res.status, body, bytes, headers: res.headers }
  }
  const login = (key: string) => send('POST', '/api/auth/demo', { body: { key } })
  const V = () => `/api/villages/${village}`

  beforeAll(async () => {
    ensureServerBuilt()
    ;({ target, drop } = await freshDatabase(DIALECT))
    s3 = await startTestS3()
    const env = {
      ...s3.env,
      // nothing may be written to a local folder with a bucket configured
      UPLOAD_DIR: '/nonexistent/xiangli-must-not-be-used',
      REDIS_URL,
      REDIS_KEY_PREFIX: `xiangli-test-${randomBytes(6).toString('hex')}:`,
      RATE_LIMIT_LOGIN: '6/m',
      // one address for both behind the balancer, as the QR code on a certificate prints it
      PUBLIC_BASE_URL: 'https://xiangli.example.cn',
    }
    // the first migrates and seeds the demo village; the second comes up on what it finds
    servers.push(await spawnServer(target, env))
    servers.push(await spawnServer(target, env))
  }, 300_000)

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await s3?.close()
    await drop?.()
  })

  it('logs a resident in on one instance and the other one knows her', async () => {
    const r = await login('resident')
    expect(r.status).toBe(200)
    resident = r.body.accessToken
    const c = await login('committee')
    expect(c.status).toBe(200)
    committee = c.body.accessToken
    const me = await send('GET', '/api/me', { token: resident })
    expect(me.status).toBe(200)
    const membership = me.body.memberships.find((m: { orgName: string }) => m.orgName === '柳林村')
    expect(membership).toMatchObject({ orgKind: 'village', roles: ['resident'] })
    village = membership.orgId
  })

  it('takes an issue with a photo, accepted, answered and rated, each step on another instance', async () => {
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2b7a4b' } })
      .png()
      .toBuffer()
    const up = await send('POST', `${V()}/uploads`, {
      token: resident,
      ...multipart('file', 'road.png', photo, 'image/png'),
    })
    expect(up.status).toBe(201)
    expect(up.body).toMatchObject({ mime: 'image/png', width: 64, height: 48 })

    const raised = await send('POST', `${V()}/grievances`, {
      token: resident,
      body: {
        category: '道路交通',
        title: '村口路灯不亮',
        text: '村口的路灯坏了三天。',
        photoIds: [up.body.id],
      },
    })
    expect(raised.status).toBe(201)
    expect(raised.body).toMatchObject({ state: 'submitted', title: '村口路灯不亮' })
    expect(raised.body.photoUrls).toHaveLength(1)
    const id = raised.body.id

    // the photo, kept in the bucket by one instance, is served by the other
    for (let i = 0; i < 2; i++) {
      const file = await send('GET', `/api/files/${up.body.id}`, { token: committee })
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('image/png')
      expect((await sharp(file.bytes).metadata()).width).toBe(64)
    }

    const accepted = await send('POST', `${V()}/grievances/${id}/accept`, { token: committee })
    expect(accepted.status).toBe(200)
    expect(accepted.body.state).toBe('accepted')

    const answered = await send('POST', `${V()}/grievances/${id}/answer`, {
      token: committee,
      body: { text: '已请电工换了灯泡。' },
    })
    expect(answered.status).toBe(200)
    expect(answered.body).toMatchObject({ state: 'answered' })

    const rated = await send('POST', `${V()}/grievances/${id}/rate`, {
      token: resident,
      body: { rating: 5, comment: '很快' },
    })
    expect(rated.status).toBe(200)
    expect(rated.body).toMatchObject({ state: 'closed', rating: 5, ratingComment: '很快' })

    const seen = await send('GET', `${V()}/grievances/${id}`, { token: resident })
    expect(seen.status).toBe(200)
    expect(seen.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submitted',
      'accepted',
      'answered',
      'rated',
    ])
  })

  it('issues a certificate applied for on one instance, approved on the other, its PDF served by both', async () => {
    const applied = await send('POST', `${V()}/certificates/requests`, {
      token: resident,
      body: {
        itemCode: 'residence',
        purpose: '孩子上小学报名',
        fields: { address: '一组 3 号', residentSince: '1988-05-01', tenure: '自有住房' },
      },
    })
    expect(applied.status).toBe(201)
    const id = applied.body.id
    const approved = await send('POST', `${V()}/certificates/requests/${id}/approve`, {
      token: committee,
      body: {},
    })
    expect(approved.status).toBe(200)
    expect(approved.body.number).toEqual(expect.any(String))

    const pdfs: Buffer[] = []
    for (let i = 0; i < 2; i++) {
      const pdf = await send('GET', `${V()}/certificates/requests/${id}/pdf`, { token: resident })
      expect(pdf.status).toBe(200)
      expect(pdf.headers.get('content-type')).toBe('application/pdf')
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-')
      pdfs.push(pdf.bytes)
    }
    // made once, kept in the bucket: both instances hand out the same document
    expect(pdfs[1]!.equals(pdfs[0]!)).toBe(true)
    const listed = await fetch(`${s3.endpoint}/${s3.bucket}?list-type=2&prefix=certificates/${village}/`)
    const keys = [...(await listed.text()).matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1])
    expect(keys).toEqual([
      expect.stringMatching(new RegExp(`^certificates/${village}/${approved.body.number}-`)),
    ])
  })

  it('publishes a notice that the resident reads and acknowledges on the other instances', async () => {
    const draft = await send('POST', `${V()}/notices`, {
      token: committee,
      body: {
        category: 'other',
        title: '关于召开村民会议的通知',
        body: '本周六上午九点在村委会。',
        requiresAck: true,
      },
    })
    expect(draft.status).toBe(201)
    const id = draft.body.id
    const published = await send('POST', `${V()}/notices/${id}/publish`, { token: committee, body: {} })
    expect(published.status).toBe(200)
    expect(published.body).toMatchObject({ state: 'published', version: 1 })

    const feed = await send('GET', `${V()}/notices`, { token: resident })
    expect(feed.status).toBe(200)
    expect(feed.body.items.find((n: { id: number }) => n.id === id)).toMatchObject({ unread: true })
    const read = await send('GET', `${V()}/notices/${id}`, { token: resident })
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ title: '关于召开村民会议的通知', acknowledgedByMyHousehold: false })
    const after = await send('GET', `${V()}/notices`, { token: resident })
    expect(after.body.items.find((n: { id: number }) => n.id === id)).toMatchObject({ unread: false })

    const ack = await send('POST', `${V()}/notices/${id}/ack`, { token: resident })
    expect(ack.status).toBe(200)
    const again = await send('POST', `${V()}/notices/${id}/ack`, { token: resident })
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: ERRORS.NOTICE_ALREADY_ACKNOWLEDGED.status,
      code: 'NOTICE_ALREADY_ACKNOWLEDGED',
    })
    const report = await send('GET', `${V()}/notices/${id}/acks`, { token: committee })
    expect(report.status).toBe(200)
    expect(report.body.acknowledged.map((x: { householdCode: string }) => x.householdCode)).toEqual(['002'])
  })

  it('counts logins across both instances in Redis: six a minute in all, not six each', async () => {
    // two logins so far (the resident's and the committee member's), one on each instance
    const answers: number[] = []
    for (let i = 0; i < 6; i++) answers.push((await login('resident')).status)
    expect(answers).toEqual([200, 200, 200, 200, 429, 429])
    const refused = await login('committee')
    expect(refused.status).toBe(429)
    expect(refused.body.code).toBe('RATE_LIMITED')
  })

  it('sent every request to the other instance than the one before', () => {
    expect(sent.length).toBeGreaterThan(25)
    expect(sent.every((s, i) => s === (i % 2 === 0 ? 'A' : 'B'))).toBe(true)
  })
})
