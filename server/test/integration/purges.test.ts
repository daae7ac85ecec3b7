import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Clock } from '../../src/core/clock/clock'
import { StoredFile } from '../../src/core/files/entities/stored-file.entity'
import { PURGE_JOB, Purges } from '../../src/core/housekeeping/purges'
import { JobLeases } from '../../src/core/jobs/job-lease.service'
import { IdempotencyRecord } from '../../src/core/idempotency/entities/idempotency-record.entity'
import { OutboxMessage, type OutboxState } from '../../src/infra/wechat/entities/outbox-message.entity'
import { AuthSession } from '../../src/modules/auth/entities/auth-session.entity'
import { RefreshToken } from '../../src/modules/auth/entities/refresh-token.entity'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { png } from '../support/images'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * The purges with their default retention (idempotency answers 48 h, spent logins 7 days past
 * expiry, sent WeChat messages 30 days, abandoned uploads 48 h): what is older goes, what is more
 * recent stays, and nothing a workflow still reads is touched.
 */
describe(`purges on ${DIALECT}`, () => {
  let t: TestApp
  let now: Date
  let accountId: number
  let village: number
  let resident: string
  const uploadDir = mkdtempSync(join(tmpdir(), 'xiangli-purge-'))
  const ago = (ms: number) => new Date(now.getTime() - ms)
  const exists = async (entity: { name: string }, id: number | string) =>
    (await t.ds.getRepository(entity.name).countBy({ id })) === 1

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_DIR: uploadDir })
    now = t.app.get(Clock).now()
    village = (await villageIds(t.ds)).village
    resident = await t.login('resident')
    accountId = (await t.request({ method: 'GET', url: '/api/me', token: resident })).body.accountId
  })
  afterAll(async () => {
    await t.close()
    rmSync(uploadDir, { recursive: true, force: true })
  })

  const idempotency = async (createdAt: Date) => {
    const repo = t.ds.getRepository(IdempotencyRecord)
    const row = await repo.save({
      scope: `a:${accountId}`,
      key: randomUUID(),
      requestHash: 'h'.repeat(64),
      state: 'done' as const,
      responseBody: '{}',
      owner: null,
    })
    await repo.update({ id: row.id }, { createdAt })
    return row.id
  }
  const session = async (createdAt: Date, tokenExpiries: Date[]) => {
    const id = randomUUID()
    await t.ds.getRepository(AuthSession).save({ id, accountId, endedAt: null, endReason: null })
    await t.ds.getRepository(AuthSession).update({ id }, { createdAt })
    const tokens: number[] = []
    for (const expiresAt of tokenExpiries) {
      const row = await t.ds.getRepository(RefreshToken).save({
        accountId,
        tokenHash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
        familyId: id,
        expiresAt,
        rotatedAt: null,
        revokedAt: null,
      })
      tokens.push(row.id)
    }
    return { id, tokens }
  }
  const message = async (state: OutboxState, sentAt: Date | null) =>
    (
      await t.ds.getRepository(OutboxMessage).save({
        openid: 'o-test',
        templateId: 'tpl',
        page: null,
        data: {},
        state,
        attempts: 1,
        nextAttemptAt: ago(60 * DAY),
        claimedUntil: null,
        lastError: null,
        sentAt,
      })
    ).id
  const upload = async (bytes: Buffer, createdAt: Date) => {
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/uploads`,
      token: resident,
      ...multipart('file', 'photo.png', bytes, 'image/png'),
    })
    expect(res.status).toBe(201)
    await t.ds.getRepository(StoredFile).update({ id: res.body.id }, { createdAt })
    return (await t.ds.getRepository(StoredFile).findOneByOrFail({ id: res.body.id })) as StoredFile
  }

  it('deletes what is older than its retention and keeps what is more recent or still used', async () => {
    const oldKey = await idempotency(ago(49 * HOUR))
    const recentKey = await idempotency(ago(47 * HOUR))

    // a login whose last refresh token expired 8 days ago; one whose token expired 6 days ago; a live one
    const spent = await session(ago(40 * DAY), [ago(8 * DAY)])
    const lately = await session(ago(40 * DAY), [ago(6 * DAY)])
    const live = await session(ago(20 * DAY), [ago(9 * DAY), new Date(now.getTime() + 10 * DAY)])

    const oldSent = await message('sent', ago(31 * DAY))
    const recentSent = await message('sent', ago(29 * DAY))
    const failed = await message('failed', null)
    const pending = await message('pending', null)

    // photo A twice (stored once), the older upload abandoned; photo B abandoned; photo C old but attached
    const a1 = await upload(png(3, 3, [200, 10, 10]), ago(49 * HOUR))
    const a2 = await upload(png(3, 3, [200, 10, 10]), ago(1 * HOUR))
    const b = await upload(png(4, 4, [10, 200, 10]), ago(49 * HOUR))
    const c = await upload(png(5, 5, [10, 10, 200]), ago(30 * DAY))
    await t.ds.getRepository(StoredFile).update({ id: c.id }, { attachedType: 'grievance', attachedId: 1 })
    const recentB = await upload(png(6, 6, [1, 2, 3]), ago(47 * HOUR))
    expect(a1.storageKey).toBe(a2.storageKey)

    const counts = await t.app.get(Purges).runOnce(now)
    expect(counts).toEqual({
      idempotencyRecords: 1,
      refreshTokens: 2,
      sessions: 1,
      sentMessages: 1,
      unattachedUploads: 2,
    })

    expect(await exists(IdempotencyRecord, oldKey)).toBe(false)
    expect(await exists(IdempotencyRecord, recentKey)).toBe(true)

    expect(await exists(AuthSession, spent.id)).toBe(false)
    expect(await exists(RefreshToken, spent.tokens[0]!)).toBe(false)
    expect(await exists(AuthSession, lately.id)).toBe(true)
    expect(await exists(RefreshToken, lately.tokens[0]!)).toBe(true)
    expect(await exists(AuthSession, live.id)).toBe(true)
    expect(await exists(RefreshToken, live.tokens[0]!)).toBe(false)
    expect(await exists(RefreshToken, live.tokens[1]!)).toBe(true)

    expect(await exists(OutboxMessage, oldSent)).toBe(false)
    for (const id of [recentSent, failed, pending]) expect(await exists(OutboxMessage, id)).toBe(true)

    expect(await exists(StoredFile, a1.id)).toBe(false)
    expect(await exists(StoredFile, a2.id)).toBe(true)
    expect(existsSync(join(uploadDir, a2.storageKey))).toBe(true)
    expect(await exists(StoredFile, b.id)).toBe(false)
    expect(existsSync(join(uploadDir, b.storageKey))).toBe(false)
    expect(await exists(StoredFile, c.id)).toBe(true)
    expect(existsSync(join(uploadDir, c.storageKey))).toBe(true)
    expect(await exists(StoredFile, recentB.id)).toBe(true)

    // the person logged in today is not logged out by it
    expect((await t.request({ method: 'GET', url: '/api/me', token: resident })).status).toBe(200)
    // nothing is left for a second run
    expect(await t.app.get(Purges).runOnce(now)).toEqual({
      idempotencyRecords: 0,
      refreshTokens: 0,
      sessions: 0,
      sentMessages: 0,
      unattachedUploads: 0,
    })
  })

  it('runs on one instance at a time', async () => {
    const second = await startTestApp({ UPLOAD_DIR: uploadDir }, { target: t.target })
    try {
      const leases = t.app.get(JobLeases)
      expect(await leases.claim(PURGE_JOB, now)).toBe(true)
      expect(await second.app.get(Purges).runOnce(now)).toBeNull()
      await leases.release(PURGE_JOB)
      expect(await second.app.get(Purges).runOnce(now)).toEqual(expect.objectContaining({ sessions: 0 }))
    } finally {
      await second.close()
    }
  })
})
