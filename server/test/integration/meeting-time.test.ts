import { chinaDay, earliestMeetingAt } from '@xiangli/shared'
import { MeetingLapses } from '../../src/modules/deliberations/use-cases/meeting-lapse'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { expectError, under } from '../support/http'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { addAccount, tokenFor } from '../support/factories'
import { holdMeeting, lawfulMeeting, letPass, meetingMembers, passTo, serverNow } from '../support/meetings'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

/**
 * A meeting is held at the time its notice announced: nobody opens it, votes or closes the vote
 * before then, check-in opens a little earlier, and a meeting not opened within a day lapses and is
 * noticed afresh, told to everyone who was told its time.
 */
describe(`the time of a meeting on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let secretary: string
  let committee: string

  const base = () => `/api/villages/${village}/deliberations`
  const { post, get } = under(() => t, base)
  const tokenOf = async (residentId: number): Promise<string> => {
    const r = await t.ds.getRepository(Resident).findOneByOrFail({ id: residentId })
    let accountId = r.accountId
    if (accountId === null) {
      accountId = (await addAccount(t, { displayName: r.name })).id
      await t.ds.getRepository(Resident).update({ id: r.id }, { accountId })
    }
    return tokenFor(t, accountId)
  }
  const create = async (token = secretary) => {
    const res = await post(token, '', {
      title: '修缮村委会会议室',
      content: '会议室屋顶漏雨，拟修缮。',
      matterType: 'ordinary',
      source: { kind: 'cadre' },
    })
    expect(res.status).toBe(201)
    return res.body.id as number
  }
  /** A 提议 meeting of the party branch `inMs` from now (the branch needs no days of notice). */
  const proposeMeeting = async (inMs: number) => {
    const id = await create()
    const meetingAt = new Date(Math.floor((serverNow(t).getTime() + inMs) / 1000) * 1000)
    const res = await post(
      secretary,
      `/${id}/meetings`,
      lawfulMeeting(t, 'propose', 'party_branch', { meetingAt: meetingAt.toISOString() }),
    )
    expect(res.status).toBe(201)
    const meetingId: number = res.body.meetings.at(-1).id
    return { id, meetingId, meetingAt, path: `/${id}/meetings/${meetingId}` }
  }
  const inbox = async (token: string, kind: string) =>
    (await t.request({ method: 'GET', url: '/api/inbox?pageSize=100', token })).body.items.filter(
      (n: { kind: string }) => n.kind === kind,
    )

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    secretary = await t.login('secretary')
    committee = await t.login('committee')
  })
  afterAll(async () => t.close())

  it('opens a meeting at its announced time and not a minute before', async () => {
    const m = await proposeMeeting(2 * HOUR)
    passTo(t, new Date(m.meetingAt.getTime() - MIN))
    const early = await post(secretary, `${m.path}/open`)
    expectError(early, 'DELIBERATION_MEETING_TOO_EARLY')
    expect(early.body.message).toContain('到时才能开始会议')
    expect(early.body.details).toMatchObject({ meetingAt: m.meetingAt.toISOString() })
    // the page is not offered the button either
    expect((await get(secretary, `/${m.id}`)).body.actions).not.toContain('open')
    passTo(t, m.meetingAt)
    expect((await get(secretary, `/${m.id}`)).body.actions).toContain('open')
    expect((await post(secretary, `${m.path}/open`)).status).toBe(200)
  })

  it('takes check-ins from half an hour before, and ballots only from the announced time', async () => {
    const m = await proposeMeeting(3 * HOUR)
    const [first] = await meetingMembers(t, m.meetingId)
    const member = await tokenOf(first!.residentId)
    expectError(await post(member, `${m.path}/check-in`), 'DELIBERATION_CHECK_IN_NOT_YET')
    passTo(t, new Date(m.meetingAt.getTime() - 31 * MIN))
    const early = await post(member, `${m.path}/check-in`)
    expectError(early, 'DELIBERATION_CHECK_IN_NOT_YET')
    expect(early.body.details.checkInOpensAt).toBe(new Date(m.meetingAt.getTime() - 30 * MIN).toISOString())
    passTo(t, new Date(m.meetingAt.getTime() - 30 * MIN))
    expect((await post(member, `${m.path}/check-in`)).status).toBe(200)
    // checked in, but nobody votes before the time the others were told
    expectError(await post(member, `${m.path}/ballots`, { choice: 'yes' }), 'DELIBERATION_VOTING_NOT_YET')
    const view = (await get(member, m.path)).body
    expect(view.timing).toMatchObject({ moment: 'check_in', votingOpensAt: m.meetingAt.toISOString() })
    passTo(t, m.meetingAt)
    expect((await post(secretary, `${m.path}/open`)).status).toBe(200)
    expect((await post(member, `${m.path}/ballots`, { choice: 'yes' })).status).toBe(200)
  })

  it('opens check-in as long before the meeting as the village set, frozen at notice', async () => {
    const set = await t.request({
      method: 'PUT',
      url: `${base()}/settings`,
      token: committee,
      body: { showCountsLive: false, checkInLeadMinutes: 10 },
    })
    expect(set.body).toEqual({ showCountsLive: false, checkInLeadMinutes: 10 })
    const m = await proposeMeeting(2 * HOUR)
    // a later change of the setting does not move a time already announced
    await t.request({
      method: 'PUT',
      url: `${base()}/settings`,
      token: committee,
      body: { showCountsLive: false, checkInLeadMinutes: 60 },
    })
    const [first] = await meetingMembers(t, m.meetingId)
    const member = await tokenOf(first!.residentId)
    passTo(t, new Date(m.meetingAt.getTime() - 11 * MIN))
    expectError(await post(member, `${m.path}/check-in`), 'DELIBERATION_CHECK_IN_NOT_YET')
    passTo(t, new Date(m.meetingAt.getTime() - 10 * MIN))
    expect((await post(member, `${m.path}/check-in`)).status).toBe(200)
    await t.request({
      method: 'PUT',
      url: `${base()}/settings`,
      token: committee,
      body: { showCountsLive: false, checkInLeadMinutes: 30 },
    })
  })

  it('refuses ballots and the close before the announced time even when someone set the meeting in session', async () => {
    const m = await proposeMeeting(5 * HOUR)
    // an insider with database access marks the meeting and the step in session hours early
    await t.ds.query(`UPDATE deliberation_meeting SET status = 'in_session' WHERE id = ?`, [m.meetingId])
    const [row] = await t.ds.query('SELECT state FROM deliberation WHERE id = ?', [m.id])
    const state = JSON.parse(row.state)
    await t.ds.query('UPDATE deliberation SET state = ? WHERE id = ?', [
      JSON.stringify({ ...state, phase: 'in_session' }),
      m.id,
    ])
    const [first] = await meetingMembers(t, m.meetingId)
    const member = await tokenOf(first!.residentId)
    expectError(await post(member, `${m.path}/check-in`), 'DELIBERATION_CHECK_IN_NOT_YET')
    expectError(await post(member, `${m.path}/ballots`, { choice: 'yes' }), 'DELIBERATION_VOTING_NOT_YET')
    expectError(
      await post(secretary, `${m.path}/close`, { counted: { yes: 0, no: 0, abstain: 0 } }),
      'DELIBERATION_MEETING_TOO_EARLY',
    )
  })

  describe('a meeting not opened within a day', () => {
    it('lapses when someone tries to open it too late: refused, and kept lapsed', async () => {
      const m = await proposeMeeting(HOUR)
      const members = await meetingMembers(t, m.meetingId)
      passTo(t, new Date(m.meetingAt.getTime() + DAY))
      const late = await post(secretary, `${m.path}/open`)
      expectError(late, 'DELIBERATION_MEETING_LAPSED')
      const d = (await get(committee, `/${m.id}`)).body
      expect(d).toMatchObject({ step: 'propose', phase: 'pending' })
      expect(d.meetings.at(-1)).toMatchObject({ id: m.meetingId, status: 'lapsed' })
      expect(d.history.at(-1)).toMatchObject({ step: 'propose', outcome: 'lapsed' })
      // nobody checks in to it either, and the members were told
      const member = await tokenOf(members[0]!.residentId)
      expectError(await post(member, `${m.path}/check-in`), 'DELIBERATION_MEETING_LAPSED')
      expect(
        (await inbox(committee, 'deliberation.meeting_lapsed')).some((n: { link: string }) =>
          n.link.includes(`meetingId=${m.meetingId}`),
        ),
      ).toBe(true)
      const logged = await t.ds.query(
        `SELECT action FROM audit_entry WHERE action = 'deliberation.meeting_lapsed' AND targetId = ?`,
        [String(m.id)],
      )
      expect(logged).toHaveLength(1)
    })

    it('lapses through the periodic job those nobody tried to open, each once', async () => {
      const m = await proposeMeeting(HOUR)
      const lapses = t.app.get(MeetingLapses)
      passTo(t, new Date(m.meetingAt.getTime() + DAY - MIN))
      // meetings earlier tests left waiting lapse now; this one not yet
      await lapses.lapseOverdue()
      expect((await get(secretary, `/${m.id}`)).body.meetings.at(-1).status).toBe('scheduled')
      passTo(t, new Date(m.meetingAt.getTime() + DAY))
      expect(await lapses.lapseOverdue()).toBe(1)
      expect(await lapses.lapseOverdue()).toBe(0)
      expect((await get(secretary, `/${m.id}`)).body.meetings.at(-1).status).toBe('lapsed')
    })

    it('lapses the meeting of a deliberation ended meanwhile without promising its members a new time', async () => {
      const m = await proposeMeeting(HOUR)
      expect((await post(secretary, `/${m.id}/reject`, { step: 'propose', reason: '不再需要' })).status).toBe(
        200,
      )
      passTo(t, new Date(m.meetingAt.getTime() + DAY))
      await t.app.get(MeetingLapses).lapseOverdue()
      const d = (await get(secretary, `/${m.id}`)).body
      expect(d).toMatchObject({ status: 'rejected' })
      expect(d.meetings.at(-1).status).toBe('lapsed')
      const told = await t.ds.query(
        `SELECT id FROM notification WHERE kind = 'deliberation.meeting_lapsed' AND link LIKE ?`,
        [`%meetingId=${m.meetingId}`],
      )
      expect(told).toEqual([])
    })

    it('is rescheduled with fresh notice, counted again from the new notice, and everyone on its list is told', async () => {
      const id = await create()
      await holdMeeting(t, {
        token: secretary,
        villageId: village,
        deliberationId: id,
        step: 'propose',
        body: 'party_branch',
      })
      await holdMeeting(t, {
        token: committee,
        villageId: village,
        deliberationId: id,
        step: 'consult',
        body: 'joint_committees',
      })
      await holdMeeting(t, {
        token: secretary,
        villageId: village,
        deliberationId: id,
        step: 'review',
        body: 'party_members_meeting',
      })
      const scheduled = await post(
        secretary,
        `/${id}/meetings`,
        lawfulMeeting(t, 'decide', 'villagers_meeting'),
      )
      expect(scheduled.status).toBe(201)
      const meetingId: number = scheduled.body.meetings.at(-1).id
      const path = `/${id}/meetings/${meetingId}`
      passTo(t, new Date(new Date(scheduled.body.meetings.at(-1).meetingAt).getTime() + DAY))
      expectError(await post(secretary, `${path}/open`), 'DELIBERATION_MEETING_LAPSED')

      // the ten days count again from now
      const now = serverNow(t)
      const tooSoon = await post(secretary, `${path}/reschedule`, {
        step: 'decide',
        meetingAt: new Date(now.getTime() + 3 * DAY).toISOString(),
        agendaPublished: true,
      })
      expectError(tooSoon, 'DELIBERATION_NOTICE_TOO_SHORT')
      const earliest = earliestMeetingAt({ minDays: 10, agendaRequired: true, planRequired: false }, now)
      expect(tooSoon.body.details).toMatchObject({ earliestDay: chinaDay(earliest) })
      expect(tooSoon.body.message).toMatch(/最早\d+月\d+日开会/)

      const moved = await post(secretary, `${path}/reschedule`, {
        step: 'decide',
        meetingAt: earliest.toISOString(),
        agendaPublished: true,
        reason: '上次没有按时召开',
      })
      expect(moved.status).toBe(200)
      expect(moved.body).toMatchObject({ step: 'decide', phase: 'scheduled' })
      expect(moved.body.meetings.at(-1)).toMatchObject({ id: meetingId, status: 'scheduled' })
      // the members frozen at the first notice, each with an account, hear of the new time
      const members = await meetingMembers(t, meetingId)
      const told = await t.ds.query(
        `SELECT DISTINCT n.accountId FROM notification n
          WHERE n.kind = 'deliberation.meeting_rescheduled' AND n.link LIKE ?`,
        [`%meetingId=${meetingId}`],
      )
      const [withAccounts] = await t.ds.query(
        `SELECT COUNT(DISTINCT r.accountId) AS n FROM deliberation_meeting_member mm
           JOIN resident r ON r.id = mm.residentId WHERE mm.meetingId = ? AND r.accountId IS NOT NULL`,
        [meetingId],
      )
      expect(members.length).toBeGreaterThan(told.length)
      expect(told).toHaveLength(Number(withAccounts.n))
      expect(
        await t.ds.query(
          `SELECT seq FROM audit_entry WHERE action = 'deliberation.meeting_rescheduled' AND targetId = ?`,
          [String(id)],
        ),
      ).toHaveLength(1)
      passTo(t, earliest)
      expect((await post(secretary, `${path}/open`)).status).toBe(200)
    })
  })

  it('reschedules a meeting not yet held, and refuses once someone has checked in', async () => {
    const m = await proposeMeeting(2 * HOUR)
    const later = new Date(m.meetingAt.getTime() + DAY)
    const moved = await post(secretary, `${m.path}/reschedule`, {
      step: 'propose',
      meetingAt: later.toISOString(),
    })
    expect(moved.status).toBe(200)
    expect(moved.body.meetings.at(-1).meetingAt).toBe(later.toISOString())
    expect(moved.body.history.at(-1)).toMatchObject({ outcome: 'rescheduled' })
    passTo(t, new Date(later.getTime() - 10 * MIN))
    const [first] = await meetingMembers(t, m.meetingId)
    expect((await post(await tokenOf(first!.residentId), `${m.path}/check-in`)).status).toBe(200)
    expectError(
      await post(secretary, `${m.path}/reschedule`, {
        step: 'propose',
        meetingAt: new Date(later.getTime() + DAY).toISOString(),
      }),
      'DELIBERATION_MEETING_HAS_CHECK_INS',
    )
  })

  it('tells everyone who was told the time when a meeting is called off', async () => {
    const m = await proposeMeeting(DAY)
    const before = (await inbox(committee, 'deliberation.meeting_cancelled')).length
    expect((await post(secretary, `${m.path}/cancel`, { reason: '书记临时外出' })).status).toBe(200)
    const after = await inbox(committee, 'deliberation.meeting_cancelled')
    expect(after).toHaveLength(before + 1)
    expect(after[0].body).toContain('书记临时外出')
    letPass(t, MIN)
  })
})
