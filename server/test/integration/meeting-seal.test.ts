import { randomUUID } from 'node:crypto'
import { ERRORS, type AuditVerifyResult } from '@xiangli/shared'
import { verifyChain } from '../../src/cli/verify-chain'
import { AuditService } from '../../src/core/audit/audit.service'
import { TxService } from '../../src/core/tx/tx.service'
import { DeliberationMeeting } from '../../src/modules/deliberations/entities/meeting.entity'
import { DeliberationMeetingResult } from '../../src/modules/deliberations/entities/meeting-result.entity'
import { SEAL_ACTION, meetingSeal } from '../../src/modules/deliberations/meeting-seal'
import { under } from '../support/http'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { verifyOverHttp } from '../support/audit'
import { openMeeting } from '../support/meetings'
import { tokenOf } from '../support/public-facts'

/**
 * The seal a meeting's close writes into the audit chain (meeting-seal.ts), and the close's own check
 * of what it counts: rows written behind the application while the meeting is open, or after it.
 */
describe(`the meeting seal on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let secretary: string
  let admin: string

  const base = () => `/api/villages/${village}/deliberations`
  const { post } = under(() => t, base)
  const verify = async (): Promise<AuditVerifyResult> => {
    const result = await verifyOverHttp(t, admin)
    // the command line runs the same checks and must say the same
    expect(await verifyChain(t.ds)).toEqual(result)
    return result
  }

  /** A new deliberation with its 提议 meeting open; every member checked in, the first ones voted. */
  const meetingInSession = async (ballot: 'open' | 'secret', voters: number, choices: string[] = []) => {
    const created = await post(secretary, '', {
      title: '村道路灯安装',
      content: '在村主干道安装太阳能路灯二十盏。',
      matterType: 'public_works',
      source: { kind: 'cadre' },
    })
    expect(created.status).toBe(201)
    const id: number = created.body.id
    const { meetingId, members } = await openMeeting(t, {
      token: secretary,
      villageId: village,
      deliberationId: id,
      step: 'propose',
      body: 'party_branch',
      over: { ballot },
    })
    const tokens = await Promise.all(members.map((m) => tokenOf(t, m.residentId)))
    const path = `/${id}/meetings/${meetingId}`
    for (const token of tokens) expect((await post(token, `${path}/check-in`)).status).toBe(200)
    for (const [i, token] of tokens.slice(0, voters).entries())
      expect((await post(token, `${path}/ballots`, { choice: choices[i] ?? 'yes' })).status).toBe(200)
    return { id, meetingId, members, tokens, close: () => post(secretary, `${path}/close`, {}) }
  }

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    ;[secretary, admin] = await Promise.all(['secretary', 'admin'].map((k) => t.login(k)))
  })
  afterAll(async () => t.close())

  it('refuses to count a secret ballot slipped in while the meeting is open, and the verifier names it', async () => {
    const m = await meetingInSession('secret', 1)
    const forged = randomUUID()
    await t.ds.query('INSERT INTO deliberation_secret_ballot (id, meetingId, choice) VALUES (?, ?, ?)', [
      forged,
      m.meetingId,
      'yes',
    ])
    try {
      expect(await verify()).toMatchObject({
        ok: false,
        table: 'deliberation_secret_ballot',
        recordId: String(m.meetingId),
      })
      const refused = await m.close()
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: ERRORS.DELIBERATION_BALLOTS_UNACCOUNTED.status,
        code: 'DELIBERATION_BALLOTS_UNACCOUNTED',
      })
      expect(refused.body.details.reason).toBe('收回选票 2 张，投了票的有 1 人')
      // nothing was counted
      const [{ n }] = await t.ds.query(
        'SELECT COUNT(*) AS n FROM deliberation_meeting_result WHERE meetingId = ?',
        [m.meetingId],
      )
      expect(Number(n)).toBe(0)
    } finally {
      await t.ds.query('DELETE FROM deliberation_secret_ballot WHERE id = ?', [forged])
    }
    expect((await m.close()).status).toBe(200)
    expect(await verify()).toMatchObject({ ok: true })
  })

  it('lets the clerk declare a tampered vote void: nothing counted, the rows sealed as found, the township told, a new meeting next', async () => {
    const m = await meetingInSession('secret', 1)
    const path = `/${m.id}/meetings/${m.meetingId}`
    const meetingAs = async (token: string) =>
      (await t.request({ method: 'GET', url: `${base()}${path}`, token })).body
    // a vote whose records are whole is closed, never voided
    const whole = await post(secretary, `${path}/void`, { reason: '怀疑有人多投' })
    expect({ status: whole.status, code: whole.body.code }).toEqual({
      status: ERRORS.DELIBERATION_VOID_NOT_ALLOWED.status,
      code: 'DELIBERATION_VOID_NOT_ALLOWED',
    })
    expect((await meetingAs(secretary)).integrityProblem).toBeNull()

    const forged = randomUUID()
    await t.ds.query('INSERT INTO deliberation_secret_ballot (id, meetingId, choice) VALUES (?, ?, ?)', [
      forged,
      m.meetingId,
      'yes',
    ])
    // the clerk is shown what is wrong; a villager is not
    expect((await meetingAs(secretary)).integrityProblem).toBe('收回选票 2 张，投了票的有 1 人')
    const resident = await t.login('resident')
    expect((await meetingAs(resident)).integrityProblem).toBeNull()
    expect((await post(resident, `${path}/void`, { reason: '我不服' })).status).toBe(403)
    expect((await post(secretary, `${path}/void`, { reason: ' ' })).body.code).toBe('VALIDATION_FAILED')

    const voided = await post(secretary, `${path}/void`, { reason: '已报乡镇核查' })
    expect(voided.status).toBe(200)
    expect(voided.body).toMatchObject({ status: 'voided', result: null, integrityProblem: null })
    const d = (await t.request({ method: 'GET', url: `${base()}/${m.id}`, token: resident })).body
    expect(d).toMatchObject({ step: 'propose', phase: 'pending' })
    expect(d.history.at(-1)).toMatchObject({ outcome: 'voided' })
    expect(d.history.at(-1).reason).toBe('收回选票 2 张，投了票的有 1 人。已报乡镇核查')
    // nothing was counted, and no ballot can be cast any more
    expect(
      Number(
        (
          await t.ds.query('SELECT COUNT(*) AS n FROM deliberation_meeting_result WHERE meetingId = ?', [
            m.meetingId,
          ])
        )[0].n,
      ),
    ).toBe(0)
    expect((await post(m.tokens[1]!, `${path}/ballots`, { choice: 'no' })).body.code).toBe(
      'DELIBERATION_VOTING_CLOSED',
    )
    // the township hears of it
    const township = await t.login('township')
    const inbox = (await t.request({ method: 'GET', url: '/api/inbox', token: township })).body
    expect(inbox.items[0].title).toBe('柳林村一次表决因记录被改动而作废')
    // the altered rows stay as evidence, sealed as found: the chain holds, and touching them again shows
    expect(await verify()).toMatchObject({ ok: true })
    await t.ds.query('DELETE FROM deliberation_secret_ballot WHERE id = ?', [forged])
    expect(await verify()).toMatchObject({
      ok: false,
      table: 'deliberation_secret_ballot',
      recordId: String(m.meetingId),
    })
    await t.ds.query('INSERT INTO deliberation_secret_ballot (id, meetingId, choice) VALUES (?, ?, ?)', [
      forged,
      m.meetingId,
      'yes',
    ])
    expect(await verify()).toMatchObject({ ok: true })
    // the step waits for a new meeting, noticed afresh
    const again = await openMeeting(t, {
      token: secretary,
      villageId: village,
      deliberationId: m.id,
      step: 'propose',
      body: 'party_branch',
    })
    expect(again.meetingId).not.toBe(m.meetingId)
  })

  it('refuses to count a vote of a member who never checked in', async () => {
    const m = await meetingInSession('open', 1)
    const absent = m.members.at(-1)!.id
    await t.ds.query('DELETE FROM deliberation_attendance WHERE meetingId = ? AND memberId = ?', [
      m.meetingId,
      absent,
    ])
    await t.ds.query('INSERT INTO deliberation_open_vote (meetingId, memberId, choice) VALUES (?, ?, ?)', [
      m.meetingId,
      absent,
      'yes',
    ])
    const refused = await m.close()
    expect(refused.body).toMatchObject({
      code: 'DELIBERATION_BALLOTS_UNACCOUNTED',
      details: { reason: '有 1 张票是没有签到的人投的' },
    })
    // nothing was counted: the meeting is still in session, the rows as they were, for the township to check
    const meeting = await t.request({
      method: 'GET',
      url: `${base()}/${m.id}/meetings/${m.meetingId}`,
      token: secretary,
    })
    expect(meeting.body).toMatchObject({ status: 'in_session', result: null })
  })

  it('refuses to count a check-in of someone not on the frozen member list', async () => {
    const m = await meetingInSession('open', 0)
    await t.ds.query(
      'INSERT INTO deliberation_attendance (meetingId, memberId, method, recordedByAccountId) VALUES (?, ?, ?, ?)',
      [m.meetingId, 999_999, 'paper', 1],
    )
    expect((await m.close()).body).toMatchObject({
      code: 'DELIBERATION_BALLOTS_UNACCOUNTED',
      details: { reason: '有 1 条签到不是本次会议的应到人员' },
    })
    await t.ds.query('DELETE FROM deliberation_attendance WHERE meetingId = ? AND memberId = ?', [
      m.meetingId,
      999_999,
    ])
  })

  it('seals the choices sorted by choice, so the order ballots are stored in changes nothing', async () => {
    const m = await meetingInSession('secret', 3, ['yes', 'no', 'abstain'])
    expect((await m.close()).status).toBe(200)
    // the same choices under new keys, stored (and read back, by key) first in one order, then in the
    // reverse: whatever order they were in at the close, one of the two differs from it
    const key = (n: number) => `${String(n).repeat(8)}-0000-4000-8000-000000000000`
    for (const order of [
      ['abstain', 'no', 'yes'],
      ['yes', 'no', 'abstain'],
    ]) {
      await t.ds.query('DELETE FROM deliberation_secret_ballot WHERE meetingId = ?', [m.meetingId])
      for (const [i, choice] of order.entries())
        await t.ds.query('INSERT INTO deliberation_secret_ballot (id, meetingId, choice) VALUES (?, ?, ?)', [
          key(i + 1),
          m.meetingId,
          choice,
        ])
      expect(await verify()).toMatchObject({ ok: true })
    }
    // one choice changed is caught
    await t.ds.query('UPDATE deliberation_secret_ballot SET choice = ? WHERE id = ?', ['yes', key(3)])
    expect(await verify()).toMatchObject({
      ok: false,
      table: 'deliberation_secret_ballot',
      recordId: String(m.meetingId),
    })
    await t.ds.query('UPDATE deliberation_secret_ballot SET choice = ? WHERE id = ?', ['abstain', key(3)])
    expect(await verify()).toMatchObject({ ok: true })
  })

  it('keeps verifying a meeting sealed before choices and results were sealed, as it was sealed', async () => {
    const m = await meetingInSession('secret', 2)
    // the close as it was: the result, and the first-form seal alone
    await t.app.get(TxService).run(async (em) => {
      const meeting = await em.getRepository(DeliberationMeeting).findOneByOrFail({ id: m.meetingId })
      await em.getRepository(DeliberationMeetingResult).insert({
        meetingId: m.meetingId,
        deliberationId: m.id,
        outcome: 'passed',
        reason: '通过',
        due: m.members.length,
        present: m.members.length,
        householdsTotal: null,
        householdsRepresented: null,
        quorumBy: 'persons',
        yes: 2,
        no: 0,
        abstain: 0,
        online: { yes: 2, no: 0, abstain: 0 },
        closedByAccountId: 1,
        closedAt: new Date(),
      })
      await em.getRepository(DeliberationMeeting).update({ id: m.meetingId }, { status: 'closed' })
      await t.app.get(AuditService).append(em, {
        actor: { accountId: 1, name: '李建华', role: 'party_secretary' },
        action: SEAL_ACTION,
        orgId: village,
        targetType: 'deliberation_meeting',
        targetId: m.meetingId,
        after: await meetingSeal(em, meeting),
      })
    })
    expect(await verify()).toMatchObject({ ok: true })
    // what that seal covered is still covered
    const voter = m.members[0]!.id
    await t.ds.query('DELETE FROM deliberation_turnout WHERE meetingId = ? AND memberId = ?', [
      m.meetingId,
      voter,
    ])
    expect(await verify()).toMatchObject({
      ok: false,
      table: 'deliberation_meeting',
      recordId: String(m.meetingId),
    })
    await t.ds.query('INSERT INTO deliberation_turnout (meetingId, memberId) VALUES (?, ?)', [
      m.meetingId,
      voter,
    ])
    expect(await verify()).toMatchObject({ ok: true })
  })
})
