import { randomUUID } from 'node:crypto'
import { ERRORS } from '@xiangli/shared'
import { IdempotencyRecord } from '../../src/core/idempotency/entities/idempotency-record.entity'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { memberTokens } from '../support/village'
import { openVillagersMeeting } from '../support/villagers-meeting'

/**
 * Check-ins and ballots are idempotent by (meeting, member) in their own transaction: the row keeps
 * the Idempotency-Key it was written with, the generic idempotency store keeps nothing of them.
 */
describe(`check-ins and ballots retried with their Idempotency-Key on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let secretary: string

  const key = () => `k-${randomUUID()}`
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number(((await t.ds.query(sql, params)) as { n: number | string }[])[0]!.n)
  const refused = (res: { status: number; body: { code: string } }, code: keyof typeof ERRORS) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status: ERRORS[code].status, code })

  /** A villagers' meeting in session and the tokens of its first `n` members. */
  const meeting = async (ballot: 'open' | 'secret', n = 6) => {
    const m = await openVillagersMeeting(t, { token: secretary, villageId: village, ballot })
    const path = `/api/villages/${village}/deliberations/${m.deliberationId}/meetings/${m.meetingId}`
    const voters = await memberTokens(t, m.members.slice(0, n))
    const send = (token: string, what: 'check-in' | 'ballots', k?: string, body: unknown = {}) =>
      t.request({
        method: 'POST',
        url: `${path}/${what}`,
        token,
        body,
        headers: k ? { 'idempotency-key': k } : {},
      })
    return {
      ...m,
      path,
      voters,
      checkIn: (token: string, k?: string) => send(token, 'check-in', k),
      vote: (token: string, choice: string, k?: string) => send(token, 'ballots', k, { choice }),
      turnout: () =>
        count('SELECT COUNT(*) AS n FROM deliberation_turnout WHERE meetingId = ?', [m.meetingId]),
      ballots: () =>
        count('SELECT COUNT(*) AS n FROM deliberation_secret_ballot WHERE meetingId = ?', [m.meetingId]),
      tally: async () =>
        Object.fromEntries(
          (
            (await t.ds.query(
              'SELECT choice, COUNT(*) AS n FROM deliberation_secret_ballot WHERE meetingId = ? GROUP BY choice',
              [m.meetingId],
            )) as { choice: string; n: number | string }[]
          ).map((r) => [r.choice, Number(r.n)]),
        ),
    }
  }

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    secretary = await t.login('secretary')
  })
  afterAll(async () => t.close())

  it('answers a secret ballot retried with its key with the same receipt, and counts it once as first cast', async () => {
    const m = await meeting('secret')
    const voter = m.voters[0]!
    expect((await m.checkIn(voter, key())).status).toBe(200)
    const k = key()
    const first = await m.vote(voter, 'no', k)
    expect(first.status).toBe(200)
    // the phone did not see the answer and sends again; whatever the body says, the ballot stands
    for (const choice of ['no', 'yes']) {
      const again = await m.vote(voter, choice, k)
      expect(again.status).toBe(200)
      expect(again.body).toEqual(first.body)
    }
    expect([await m.turnout(), await m.ballots()]).toEqual([1, 1])
    expect(await m.tally()).toEqual({ no: 1 })
  })

  it('refuses a second ballot under another key, or without one, as already voted', async () => {
    const m = await meeting('secret')
    const voter = m.voters[0]!
    await m.checkIn(voter)
    expect((await m.vote(voter, 'yes', key())).status).toBe(200)
    refused(await m.vote(voter, 'no', key()), 'DELIBERATION_ALREADY_VOTED')
    refused(await m.vote(voter, 'no'), 'DELIBERATION_ALREADY_VOTED')
    const other = m.voters[1]!
    await m.checkIn(other)
    expect((await m.vote(other, 'no')).status).toBe(200)
    // a ballot cast without a key has nothing a retry could match
    refused(await m.vote(other, 'no', key()), 'DELIBERATION_ALREADY_VOTED')
    expect([await m.turnout(), await m.ballots()]).toEqual([2, 2])
  })

  it('keeps nothing of a check-in or a ballot in the generic idempotency store', async () => {
    const m = await meeting('secret')
    const keys = [key(), key(), key()]
    await m.checkIn(m.voters[0]!, keys[0])
    await m.vote(m.voters[0]!, 'abstain', keys[1])
    await m.vote(m.voters[0]!, 'abstain', keys[1])
    await m.vote(m.voters[0]!, 'yes', keys[2])
    expect(await t.ds.getRepository(IdempotencyRecord).countBy(keys.map((k) => ({ key: k })))).toBe(0)
  })

  it('counts a ballot cut off in a crash once it is retried, though the crash left a pending key behind', async () => {
    // what a process killed mid-ballot left in the generic store before ballots kept their own key
    const m = await meeting('secret')
    const voter = m.voters[0]!
    const k = key()
    await m.checkIn(voter)
    const [account] = await t.ds.query(`SELECT r.accountId FROM resident r WHERE r.id = ?`, [
      m.members[0]!.residentId,
    ])
    await t.ds.getRepository(IdempotencyRecord).insert({
      scope: `a:${Number(account.accountId)}`,
      key: k,
      requestHash: '0'.repeat(64),
      state: 'pending',
      responseBody: null,
    })
    expect((await m.vote(voter, 'yes', k)).status).toBe(200)
    expect(await m.turnout()).toBe(1)
  })

  it('answers a check-in retried with its key; another check-in of the same member is refused', async () => {
    const m = await meeting('secret')
    const k = key()
    const first = await m.checkIn(m.voters[0]!, k)
    expect(first.status).toBe(200)
    const again = await m.checkIn(m.voters[0]!, k)
    expect(again.status).toBe(200)
    expect(again.body.attendance).toEqual(first.body.attendance)
    refused(await m.checkIn(m.voters[0]!, key()), 'DELIBERATION_ALREADY_CHECKED_IN')
    refused(await m.checkIn(m.voters[0]!), 'DELIBERATION_ALREADY_CHECKED_IN')
    expect(
      await count('SELECT COUNT(*) AS n FROM deliberation_attendance WHERE meetingId = ?', [m.meetingId]),
    ).toBe(1)
  })

  it('counts 20 copies of one ballot arriving together once and answers each with the receipt', async () => {
    const m = await meeting('secret')
    const voter = m.voters[0]!
    await m.checkIn(voter)
    const k = key()
    const answers = await Promise.all(Array.from({ length: 20 }, () => m.vote(voter, 'yes', k)))
    expect(answers.map((a) => a.status)).toEqual(Array<number>(20).fill(200))
    expect([await m.turnout(), await m.ballots()]).toEqual([1, 1])
    // and 20 taps each with a key of its own: one ballot, the rest refused
    const other = m.voters[1]!
    await m.checkIn(other)
    const taps = await Promise.all(Array.from({ length: 20 }, () => m.vote(other, 'no', key())))
    expect(taps.filter((a) => a.status === 200)).toHaveLength(1)
    for (const a of taps.filter((x) => x.status !== 200)) refused(a, 'DELIBERATION_ALREADY_VOTED')
    expect([await m.turnout(), await m.ballots()]).toEqual([2, 2])
  })

  it('gives a ballot retried with its key after the close its receipt, and refuses a new one', async () => {
    const m = await meeting('secret')
    const [voter, late] = m.voters
    await m.checkIn(voter!)
    await m.checkIn(late!)
    const k = key()
    const first = await m.vote(voter!, 'yes', k)
    const closed = await t.request({ method: 'POST', url: `${m.path}/close`, token: secretary, body: {} })
    expect(closed.status).toBe(200)
    const again = await m.vote(voter!, 'yes', k)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    refused(await m.vote(late!, 'yes', key()), 'DELIBERATION_VOTING_CLOSED')
  })

  it('lets a ballot refused before the check-in be sent again with the same key once checked in', async () => {
    const m = await meeting('secret')
    const k = key()
    refused(await m.vote(m.voters[0]!, 'no', k), 'DELIBERATION_NOT_CHECKED_IN')
    await m.checkIn(m.voters[0]!)
    expect((await m.vote(m.voters[0]!, 'no', k)).status).toBe(200)
    expect(await m.tally()).toEqual({ no: 1 })
  })

  it('answers an open vote retried with its key and refuses another', async () => {
    const m = await meeting('open')
    const voter = m.voters[0]!
    await m.checkIn(voter)
    const k = key()
    expect((await m.vote(voter, 'yes', k)).status).toBe(200)
    expect((await m.vote(voter, 'yes', k)).status).toBe(200)
    refused(await m.vote(voter, 'yes', key()), 'DELIBERATION_ALREADY_VOTED')
    expect(
      await count('SELECT COUNT(*) AS n FROM deliberation_open_vote WHERE meetingId = ?', [m.meetingId]),
    ).toBe(1)
  })

  it('refuses a malformed key on a ballot and counts nothing', async () => {
    const m = await meeting('secret')
    await m.checkIn(m.voters[0]!)
    const res = await m.vote(m.voters[0]!, 'yes', 'short')
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { header: 'Idempotency-Key' } })
    expect(await m.turnout()).toBe(0)
  })
})
