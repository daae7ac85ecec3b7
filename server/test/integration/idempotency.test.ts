import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { canonicalJson, sha256 } from '../../src/core/audit/audit.service'
import { IdempotencyRecord } from '../../src/core/idempotency/entities/idempotency-record.entity'
import { THIS_PROCESS } from '../../src/core/idempotency/key-owners'
import { DemoSeeder } from '../../src/modules/demo/demo.seed'
import { RoleAssignment } from '../../src/modules/roles/entities/role-assignment.entity'
import { VerificationRequest } from '../../src/modules/verification/entities/verification-request.entity'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { agreeToIdNumber, addResident, residentByName } from '../support/factories'

describe(`Idempotency-Key on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let secretary: string

  const key = () => `k-${randomUUID()}`
  const assign = (residentId: number, idempotencyKey?: string, role = 'representative', token = secretary) =>
    t.request({
      method: 'POST',
      url: `/api/villages/${village}/roles`,
      token,
      body: { residentId, role },
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    })
  const holders = (residentId: number) =>
    t.ds.getRepository(RoleAssignment).countBy({ residentId, orgId: village })
  const newResident = () => addResident(t, { villageId: village })

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    secretary = await t.login('secretary')
  })
  afterAll(async () => t.close())

  it('answers a repeated role assignment with the first answer and writes one row', async () => {
    const r = await newResident()
    const k = key()
    const first = await assign(r.id, k)
    const second = await assign(r.id, k)
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body).toEqual(first.body)
    expect(await holders(r.id)).toBe(1)
    const audited: unknown[] = await t.ds.query(
      `SELECT seq FROM audit_entry WHERE action = 'role.assigned' AND targetId = ?`,
      [String(first.body.id)],
    )
    expect(audited).toHaveLength(1)
  })

  it('would refuse the same assignment sent again without a key', async () => {
    const r = await newResident()
    expect((await assign(r.id)).status).toBe(201)
    const again = await assign(r.id)
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('ROLE_ALREADY_HELD')
  })

  it('answers a repeated verification request with the first answer and stores one request', async () => {
    const newcomer = await t.login('newcomer')
    const row = await residentByName(t, '刘小满')
    const body = {
      villageId: village,
      name: '刘小满',
      idNumber: await t.app.get(DemoSeeder).newcomerIdNumber(),
      phone: row.plainPhone,
    }
    await agreeToIdNumber(t, newcomer)
    const k = key()
    const send = () =>
      t.request({
        method: 'POST',
        url: '/api/me/verifications',
        token: newcomer,
        body,
        headers: { 'idempotency-key': k },
      })
    const first = await send()
    const second = await send()
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body).toEqual(first.body)
    expect(await t.ds.getRepository(VerificationRequest).countBy({ residentId: row.id })).toBe(1)
  })

  it('refuses the same key with a different body', async () => {
    const [a, b] = [await newResident(), await newResident()]
    const k = key()
    expect((await assign(a.id, k)).status).toBe(201)
    const res = await assign(b.id, k)
    expect(res.status).toBe(422)
    expect(res.body).toEqual({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.any(String),
      requestId: expect.any(String),
    })
    expect(await holders(b.id)).toBe(0)
  })

  it('keeps keys apart between accounts', async () => {
    const r = await newResident()
    const k = key()
    expect((await assign(r.id, k, 'representative')).status).toBe(201)
    const committee = await t.login('committee')
    const other = await assign(r.id, k, 'party_member', committee)
    expect(other.status).toBe(201)
    expect(other.body.role).toBe('party_member')
    expect(await holders(r.id)).toBe(2)
  })

  it('does the work once when 20 identical requests with one key arrive together', async () => {
    const r = await newResident()
    const k = key()
    const answers = await Promise.all(Array.from({ length: 20 }, () => assign(r.id, k)))
    expect(await holders(r.id)).toBe(1)
    const done = answers.filter((a) => a.status === 201)
    const busy = answers.filter((a) => a.status !== 201)
    expect(done.length).toBeGreaterThanOrEqual(1)
    for (const a of done) expect(a.body).toEqual(done[0]!.body)
    for (const a of busy)
      expect({ status: a.status, code: a.body.code }).toEqual({
        status: 409,
        code: 'IDEMPOTENCY_IN_PROGRESS',
      })
    // once the first has finished, a late retry gets its answer
    expect((await assign(r.id, k)).body).toEqual(done[0]!.body)
  })

  it('lets a request that was refused be retried with the same key', async () => {
    const r = await newResident()
    const k = key()
    const held = await assign(r.id) // someone else already made them a representative
    const refused = await assign(r.id, k)
    expect(refused.status).toBe(409)
    expect(refused.body.code).toBe('ROLE_ALREADY_HELD')
    expect(await t.ds.getRepository(IdempotencyRecord).countBy({ key: k })).toBe(0)

    await t.request({
      method: 'DELETE',
      url: `/api/villages/${village}/roles/${held.body.id}`,
      token: secretary,
    })
    const retried = await assign(r.id, k)
    expect(retried.status).toBe(201)
    expect(retried.body).toMatchObject({ residentId: r.id, role: 'representative' })
    expect(await holders(r.id)).toBe(1)
  })

  it('keeps a committed import a success even when its answer is too large to keep', async () => {
    // 5,000 rows without a household code: nothing is imported and every row is reported
    const sheet =
      '户号,姓名,身份证号\n' + Array.from({ length: 5000 }, (_, i) => `,张${i},110101199001011234`).join('\n')
    const upload = multipart('file', 'all-bad.csv', Buffer.from(sheet))
    const k = key()
    const send = () =>
      t.request({
        method: 'POST',
        url: `/api/villages/${village}/roster/import`,
        token: secretary,
        payload: upload.payload,
        headers: { ...upload.headers, 'idempotency-key': k },
      })
    const first = await send()
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ totalRows: 5000, imported: 0 })
    expect(first.body.failed).toHaveLength(5000)
    const again = await send()
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
  })

  describe('a key left pending by a process that died before keeping its answer', () => {
    /** what a process left behind for the secretary's assignment of `residentId` under key `k` */
    const leftPending = async (residentId: number, k: string, owner: string | null) => {
      const [account] = await t.ds.query(`SELECT id FROM account WHERE demoKey = 'secretary'`)
      await t.ds.getRepository(IdempotencyRecord).insert({
        scope: `a:${Number(account.id)}`,
        key: k,
        requestHash: sha256(
          `POST /api/villages/${village}/roles\n${canonicalJson({ residentId, role: 'representative' })}`,
        ),
        state: 'pending',
        responseBody: null,
        owner,
      })
    }
    /** a process of this machine: running until `stop` */
    const otherProcess = async () => {
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
      await new Promise((r) => child.once('spawn', r))
      const exited = new Promise((r) => child.once('exit', r))
      return {
        pid: child.pid!,
        stop: async () => {
          child.kill('SIGKILL')
          await exited
        },
      }
    }

    it('lets the retry run at once when that process no longer runs', async () => {
      const r = await newResident()
      const k = key()
      const dead = await otherProcess()
      await dead.stop()
      await leftPending(r.id, k, `${hostname()}/${dead.pid}/${randomUUID()}`)
      const retried = await assign(r.id, k)
      expect(retried.status).toBe(201)
      expect(await holders(r.id)).toBe(1)
      // and its answer is kept for the next retry
      expect((await assign(r.id, k)).body).toEqual(retried.body)
    })

    it('lets the retry run at once when the request of this very process has ended', async () => {
      const r = await newResident()
      const k = key()
      await leftPending(r.id, k, THIS_PROCESS)
      expect((await assign(r.id, k)).status).toBe(201)
      expect(await holders(r.id)).toBe(1)
    })

    it('keeps the retry waiting while that process lives, and lets it run once the process is gone', async () => {
      const r = await newResident()
      const k = key()
      const boot = randomUUID()
      let alive: { stop: () => Promise<void> }
      if (DIALECT === 'mysql') {
        // on MySQL a process is alive while its session holds its named lock, whatever the host
        const session = t.ds.createQueryRunner()
        await session.connect()
        await session.query('SELECT GET_LOCK(?, 0)', [`xiangli:${boot}`])
        const [{ id }] = await session.query('SELECT CONNECTION_ID() AS id')
        await leftPending(r.id, k, `another-host/4242/${boot}`)
        // this process holds its own lock the same way, for the others to see it alive
        const ours = `xiangli:${THIS_PROCESS.split('/')[2]}`
        expect((await t.ds.query('SELECT IS_USED_LOCK(?) AS holder', [ours]))[0].holder).not.toBeNull()
        // the process dies: MySQL drops its session, and the lock with it
        alive = {
          stop: async () => {
            await t.ds.query(`KILL ${Number(id)}`)
            await session.release().catch(() => undefined)
          },
        }
      } else {
        const child = await otherProcess()
        await leftPending(r.id, k, `${hostname()}/${child.pid}/${boot}`)
        alive = child
      }
      const waiting = await assign(r.id, k)
      expect({ status: waiting.status, code: waiting.body.code }).toEqual({
        status: 409,
        code: 'IDEMPOTENCY_IN_PROGRESS',
      })
      expect(await holders(r.id)).toBe(0)
      await alive.stop()
      expect((await assign(r.id, k)).status).toBe(201)
      expect(await holders(r.id)).toBe(1)
    })

    it('keeps a pending key that names no process waiting until it is stale, as before', async () => {
      const r = await newResident()
      const k = key()
      await leftPending(r.id, k, null)
      expect((await assign(r.id, k)).body.code).toBe('IDEMPOTENCY_IN_PROGRESS')
      await t.ds
        .getRepository(IdempotencyRecord)
        .update({ key: k }, { createdAt: new Date(Date.now() - 3 * 60 * 1000) })
      expect((await assign(r.id, k)).status).toBe(201)
    })
  })

  it('refuses a malformed key', async () => {
    const r = await newResident()
    const res = await assign(r.id, 'short')
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { header: 'Idempotency-Key' } })
    expect(await holders(r.id)).toBe(0)
  })
})
