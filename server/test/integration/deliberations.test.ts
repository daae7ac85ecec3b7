import type { MigrationInterface } from 'typeorm'
import { verifyChain } from '../../src/cli/verify-chain'
import { DeliberationAttendanceHousehold1796595298884Mysql } from '../../src/migrations/mysql/1796595298884-DeliberationAttendanceHousehold'
import { DeliberationAttendanceHousehold1796595298884Sqlite } from '../../src/migrations/sqlite/1796595298884-DeliberationAttendanceHousehold'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { expectError, under } from '../support/http'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { verifyOverHttp } from '../support/audit'
import { addAccount, tokenFor } from '../support/factories'
import { lawfulMeeting, meetingMembers, openMeeting, reachMeeting, serverNow } from '../support/meetings'

const DAY = 86_400_000

describe(`议事 (deliberations) on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  /** 李建华, party secretary of 柳林村 */
  let secretary: string
  /** 张丽, committee member */
  let committee: string
  /** 王秀英, a resident */
  let resident: string

  const base = () => `/api/villages/${village}/deliberations`
  const { post, get } = under(() => t, base)

  /** An access token for the account linked to a roster row, linking a new account when there is none. */
  const tokenOf = async (residentId: number): Promise<string> => {
    const r = await t.ds.getRepository(Resident).findOneByOrFail({ id: residentId })
    let accountId = r.accountId
    if (accountId === null) {
      accountId = (await addAccount(t, { displayName: r.name })).id
      await t.ds.getRepository(Resident).update({ id: r.id }, { accountId })
    }
    return tokenFor(t, accountId)
  }

  const create = async (token = secretary, over: Record<string, unknown> = {}) => {
    const res = await post(token, '', {
      title: '修建村东头便民桥',
      content: '村东头的木桥年久失修，拟用集体资金修建一座水泥桥。',
      matterType: 'public_works',
      source: { kind: 'cadre' },
      ...over,
    })
    expect(res.status).toBe(201)
    return res.body
  }

  /** A meeting that meets every notice rule (see support/meetings), with `over` changed. */
  const schedule = (
    token: string,
    id: number,
    step: string,
    body: string,
    over: Record<string, unknown> = {},
  ) => post(token, `/${id}/meetings`, lawfulMeeting(t, step, body, { agenda: '修建村东头便民桥', ...over }))

  const members = (meetingId: number) => meetingMembers(t, meetingId)

  /** Schedules and opens a meeting, signs in `present` of its members on paper, closes with `counted`. */
  const hold = async (
    token: string,
    id: number,
    step: string,
    body: string,
    o: { present?: number; counted?: { yes: number; no: number; abstain: number }; ballot?: string } = {},
  ) => {
    const { meetingId, members: list } = await openMeeting(t, {
      token,
      villageId: village,
      deliberationId: id,
      step,
      body,
      over: { agenda: '修建村东头便民桥', ballot: o.ballot ?? 'open' },
    })
    const present = o.present ?? list.length
    if (present > 0)
      expect(
        (
          await post(token, `/${id}/meetings/${meetingId}/paper-sign-in`, {
            memberIds: list.slice(0, present).map((m) => m.id),
          })
        ).status,
      ).toBe(200)
    const closed = await post(token, `/${id}/meetings/${meetingId}/close`, {
      counted: o.counted ?? { yes: present, no: 0, abstain: 0 },
    })
    return { meetingId, closed, members: list }
  }

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    secretary = await t.login('secretary')
    committee = await t.login('committee')
    resident = await t.login('resident')
  })
  afterAll(async () => t.close())

  /** the secret-ballot 审议 meeting, closed and sealed */
  let sealedMeetingId: number

  describe('a whole 四议两公开 on 柳林村', () => {
    let id: number

    it('lets the two committees start a deliberation and anyone of the village read it', async () => {
      const d = await create()
      id = d.id
      expect(d).toMatchObject({
        status: 'in_progress',
        step: 'propose',
        phase: 'pending',
        source: { kind: 'cadre' },
        procedure: { variant: 'siyi_liang_gongkai' },
      })
      expect(d.procedure.steps.map((s: { key: string }) => s.key)).toEqual([
        'propose',
        'consult',
        'review',
        'decide',
        'publish_resolution',
        'publish_results',
      ])
      const seen = await get(resident, `/${id}`)
      expect(seen.status).toBe(200)
      expect(seen.body.actions).toEqual([])
      const page = (await get(resident, '')).body
      expect(page).toMatchObject({ page: 1, pageSize: 20 })
      expect(page.items.map((x: { id: number }) => x.id)).toContain(id)
    })

    it('refuses a resident who tries to start one', async () => {
      const res = await post(resident, '', {
        title: '我的议题',
        content: '内容',
        matterType: 'ordinary',
        source: { kind: 'cadre' },
      })
      expectError(res, 'FORBIDDEN')
    })

    it('refuses skipping a step', async () => {
      expectError(await schedule(secretary, id, 'decide', 'villagers_meeting'), 'DELIBERATION_STEP_SKIPPED')
    })

    it('refuses a step recorded by the wrong role', async () => {
      // 提议 is the party branch's: the secretary records it, not a committee member
      expectError(await schedule(committee, id, 'propose', 'party_branch'), 'DELIBERATION_ROLE_NOT_ALLOWED')
    })

    it('holds 提议 and 商议, each passing and moving the deliberation on', async () => {
      const propose = await hold(secretary, id, 'propose', 'party_branch')
      expect(propose.closed.status).toBe(200)
      expect(propose.closed.body.result).toMatchObject({ outcome: 'passed' })
      expect((await get(secretary, `/${id}`)).body).toMatchObject({ step: 'consult', phase: 'pending' })

      const consult = await hold(committee, id, 'consult', 'joint_committees')
      expect(consult.closed.body.result.outcome).toBe('passed')
      expect((await get(secretary, `/${id}`)).body.step).toBe('review')
    })

    it('freezes the party members for 审议 and takes their secret ballots once each', async () => {
      expectError(
        await schedule(secretary, id, 'review', 'party_members_meeting', { planSent: false }),
        'DELIBERATION_PLAN_NOT_SENT',
      )
      const scheduled = await schedule(secretary, id, 'review', 'party_members_meeting', { ballot: 'secret' })
      expect(scheduled.status).toBe(201)
      const meetingId: number = scheduled.body.meetings.at(-1).id
      const list = await members(meetingId)
      const [partyMembers] = await t.ds.query(
        `SELECT COUNT(DISTINCT residentId) AS n FROM role_assignment WHERE orgId = ? AND role = 'party_member'`,
        [village],
      )
      expect(list).toHaveLength(Number(partyMembers.n))

      // three days before the meeting: no check-in yet
      const first = await tokenOf(list[0]!.residentId)
      expectError(await post(first, `/${id}/meetings/${meetingId}/check-in`), 'DELIBERATION_CHECK_IN_NOT_YET')
      await reachMeeting(t, meetingId)
      expect((await post(secretary, `/${id}/meetings/${meetingId}/open`)).status).toBe(200)

      // 王秀英 is not a party member
      expectError(await post(resident, `/${id}/meetings/${meetingId}/check-in`), 'DELIBERATION_NOT_A_MEMBER')
      // a member must check in before voting
      expectError(
        await post(first, `/${id}/meetings/${meetingId}/ballots`, { choice: 'yes' }),
        'DELIBERATION_NOT_CHECKED_IN',
      )
      const voters = await Promise.all(list.map((m) => tokenOf(m.residentId)))
      for (const v of voters)
        expect((await post(v, `/${id}/meetings/${meetingId}/check-in`)).status).toBe(200)
      expectError(
        await post(first, `/${id}/meetings/${meetingId}/check-in`),
        'DELIBERATION_ALREADY_CHECKED_IN',
      )

      const quorum = await get(resident, `/${id}/meetings/${meetingId}/quorum`)
      expect(quorum.body).toMatchObject({
        attendance: { due: list.length, present: list.length },
        quorum: { met: true, by: 'persons' },
      })

      for (const [i, v] of voters.entries())
        expect(
          (await post(v, `/${id}/meetings/${meetingId}/ballots`, { choice: i === 0 ? 'no' : 'yes' })).status,
        ).toBe(200)
      expectError(
        await post(first, `/${id}/meetings/${meetingId}/ballots`, { choice: 'yes' }),
        'DELIBERATION_ALREADY_VOTED',
      )
      // counts are not shown before the close
      expect((await get(resident, `/${id}/meetings/${meetingId}`)).body.result).toBeNull()
      // a voter is told they voted, never how; someone who did not vote is told they did not
      const mine = (await get(first, `/${id}/meetings/${meetingId}`)).body
      expect(mine.iVoted).toBe(true)
      expect(JSON.stringify(mine)).not.toMatch(/"choice"/)
      expect((await get(resident, `/${id}/meetings/${meetingId}`)).body.iVoted).toBe(false)

      const closed = await post(secretary, `/${id}/meetings/${meetingId}/close`, {})
      expect(closed.status).toBe(200)
      expect(closed.body.result).toMatchObject({
        outcome: 'passed',
        votes: { yes: list.length - 1, no: 1, abstain: 0 },
        online: { yes: list.length - 1, no: 1, abstain: 0 },
      })
      expect(
        await t.ds.query('SELECT * FROM deliberation_turnout WHERE meetingId = ?', [meetingId]),
      ).toHaveLength(list.length)

      expectError(
        await post(voters[1]!, `/${id}/meetings/${meetingId}/ballots`, { choice: 'no' }),
        'DELIBERATION_VOTING_CLOSED',
      )
      expectError(
        await post(secretary, `/${id}/meetings/${meetingId}/close`, {}),
        'DELIBERATION_RESULT_FINAL',
      )
      // ballots and check-ins are hot writes: no audit entry each, one seal at the close instead
      const logged = await t.ds.query(
        `SELECT action FROM audit_entry WHERE targetType = 'deliberation_meeting' AND targetId = ? ORDER BY seq`,
        [String(meetingId)],
      )
      expect(logged.map((r: { action: string }) => r.action)).toEqual(['deliberation.ballots_sealed'])
      sealedMeetingId = meetingId
      expect((await get(secretary, `/${id}`)).body.step).toBe('decide')
    })

    it('refuses an Art 24 matter decided by the representatives without a delegation', async () => {
      expectError(
        await schedule(secretary, id, 'decide', 'representatives_meeting'),
        'DELIBERATION_MATTER_RESERVED',
      )
    })

    it('refuses a villagers’ meeting called without 10 days’ notice or without its agenda', async () => {
      expectError(
        await schedule(secretary, id, 'decide', 'villagers_meeting', {
          meetingAt: new Date(serverNow(t).getTime() + 3 * DAY).toISOString(),
        }),
        'DELIBERATION_NOTICE_TOO_SHORT',
      )
      expectError(
        await schedule(secretary, id, 'decide', 'villagers_meeting', { agendaPublished: false }),
        'DELIBERATION_AGENDA_NOT_PUBLISHED',
      )
    })

    it('records a villagers’ meeting that is not quorate as 未达法定人数, and a second one that passes', async () => {
      const thin = await hold(secretary, id, 'decide', 'villagers_meeting', {
        present: 3,
        counted: { yes: 3, no: 0, abstain: 0 },
      })
      // the adults of 柳林村 on the meeting day, with their households
      const cutoff = new Date(Date.now() + 8 * 3_600_000 - 0).toISOString().slice(0, 10)
      const adultBirth = `${Number(cutoff.slice(0, 4)) - 18}${cutoff.slice(4)}`
      const [adults] = await t.ds.query(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT householdId) AS h FROM resident
          WHERE villageId = ? AND birthDate <= ? AND residency = 'registered'`,
        [village, adultBirth],
      )
      expect(thin.members).toHaveLength(Number(adults.n))
      expect(thin.members.length).toBeLessThan(42)
      expect(thin.closed.status).toBe(200)
      expect(thin.closed.body.result).toMatchObject({
        outcome: 'not_quorate',
        due: Number(adults.n),
        present: 3,
        households: { total: Number(adults.h) },
      })
      expect(thin.closed.body.result.reason).toContain('未达法定人数')
      expect((await get(secretary, `/${id}`)).body).toMatchObject({ step: 'decide', phase: 'pending' })

      const due = thin.members.length
      const present = Math.floor(due / 2) + 1
      const full = await hold(secretary, id, 'decide', 'villagers_meeting', {
        present,
        counted: { yes: present - 1, no: 1, abstain: 0 },
      })
      expect(full.closed.body.result).toMatchObject({ outcome: 'passed', quorumBy: 'persons' })
      const d = (await get(resident, `/${id}`)).body
      expect(d).toMatchObject({ status: 'adopted', step: 'publish_results' })
      expect(d.history.map((h: { step: string; outcome: string }) => `${h.step}:${h.outcome}`)).toEqual([
        'propose:passed',
        'consult:passed',
        'review:passed',
        'decide:not_quorate',
        'decide:passed',
        'publish_resolution:published',
      ])
    })

    it('publishes the resolution at once, then the results linked to it, with the supervisors’ opinion', async () => {
      const adopted = (await get(resident, `/${id}`)).body
      expect(adopted).toMatchObject({ status: 'adopted', step: 'publish_results', phase: 'pending' })
      const [resolution] = adopted.notices
      expect(resolution).toMatchObject({ category: 'resolution', title: '决议公开：修建村东头便民桥' })
      expect(resolution.body).toContain('通过')

      const done = await post(committee, `/${id}/publish`, {
        step: 'publish_results',
        title: '便民桥建成',
        text: '便民桥已于本月建成通行，共用资金 12 万元。',
      })
      expect(done.status).toBe(200)
      expect(done.body.status).toBe('completed')
      expect(done.body.notices[1]).toMatchObject({
        category: 'implementation',
        resolutionNoticeId: resolution.id,
      })

      const supervisor = await t.login('supervisor')
      const url = `/${id}/notices/${resolution.id}/opinion`
      expectError(await post(resident, url, { opinion: '同意' }), 'FORBIDDEN')
      const opinion = await post(supervisor, url, { opinion: '经核实，公开内容与决议一致。' })
      expect(opinion.status).toBe(200)
      expect(opinion.body.notices[0].supervisionOpinion).toBe('经核实，公开内容与决议一致。')
      expectError(await post(supervisor, url, { opinion: '再说一次' }), 'DELIBERATION_OPINION_GIVEN')
      expectError(
        await post(secretary, `/${id}/reject`, { step: 'publish_results', reason: '晚了' }),
        'DELIBERATION_CLOSED',
      )
    })

    it('refuses a clerk count that exceeds those present', async () => {
      const other = await create()
      const scheduled = await schedule(secretary, other.id, 'propose', 'party_branch')
      const meetingId: number = scheduled.body.meetings.at(-1).id
      await post(secretary, `/${other.id}/meetings/${meetingId}/open`)
      const list = await members(meetingId)
      await post(secretary, `/${other.id}/meetings/${meetingId}/paper-sign-in`, { memberIds: [list[0]!.id] })
      expectError(
        await post(secretary, `/${other.id}/meetings/${meetingId}/close`, {
          counted: { yes: 2, no: 0, abstain: 0 },
        }),
        'DELIBERATION_VOTES_EXCEED_PRESENT',
      )
    })
  })

  it('ends a deliberation whose vote fails as not adopted', async () => {
    const d = await create()
    const failed = await hold(secretary, d.id, 'propose', 'party_branch', {
      counted: { yes: 0, no: 1, abstain: 0 },
    })
    expect(failed.closed.body.result.outcome).toBe('failed')
    expect((await get(secretary, `/${d.id}`)).body.status).toBe('not_adopted')
  })

  it('rejects a deliberation with a reason, and refuses anything after', async () => {
    const d = await create()
    const res = await post(committee, `/${d.id}/reject`, { step: 'propose', reason: '不符合政策' })
    // 提议 is recorded by the party secretary only
    expectError(res, 'DELIBERATION_ROLE_NOT_ALLOWED')
    const ok = await post(secretary, `/${d.id}/reject`, { step: 'propose', reason: '不符合政策' })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({
      status: 'rejected',
      history: [{ outcome: 'rejected', reason: '不符合政策' }],
    })
    expectError(await schedule(secretary, d.id, 'propose', 'party_branch'), 'DELIBERATION_CLOSED')
  })

  it('tells the members of a meeting in their inbox, and lets a meeting not yet open be cancelled', async () => {
    const d = await create()
    const scheduled = await schedule(secretary, d.id, 'propose', 'party_branch')
    const meetingId: number = scheduled.body.meetings.at(-1).id
    const inbox = await t.request({ method: 'GET', url: '/api/inbox?pageSize=100', token: committee })
    expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toContain('deliberation.meeting_scheduled')

    const cancelled = await post(secretary, `/${d.id}/meetings/${meetingId}/cancel`, {
      reason: '书记临时外出',
    })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toMatchObject({ step: 'propose', phase: 'pending' })
    expect(cancelled.body.history).toEqual([
      expect.objectContaining({ outcome: 'cancelled', reason: '书记临时外出' }),
    ])
    expectError(
      await post(secretary, `/${d.id}/meetings/${meetingId}/open`),
      'DELIBERATION_MEETING_NOT_SCHEDULED',
    )
    expect((await schedule(secretary, d.id, 'propose', 'party_branch')).status).toBe(201)
  })

  it('shows the running count of an open vote only where the village chose to, and never of a secret one', async () => {
    expectError(
      await t.request({
        method: 'PUT',
        url: `${base()}/settings`,
        token: resident,
        body: { showCountsLive: true },
      }),
      'FORBIDDEN',
    )
    const running = async (ballot: string, live: boolean) => {
      const set = await t.request({
        method: 'PUT',
        url: `${base()}/settings`,
        token: committee,
        body: { showCountsLive: live },
      })
      expect(set.body).toEqual({ showCountsLive: live, checkInLeadMinutes: 30 })
      const d = await create()
      const scheduled = await schedule(secretary, d.id, 'propose', 'party_branch', { ballot })
      const meetingId: number = scheduled.body.meetings.at(-1).id
      await post(secretary, `/${d.id}/meetings/${meetingId}/open`)
      await post(secretary, `/${d.id}/meetings/${meetingId}/check-in`)
      expect(
        (await post(secretary, `/${d.id}/meetings/${meetingId}/ballots`, { choice: 'yes' })).status,
      ).toBe(200)
      return (await get(resident, `/${d.id}/meetings/${meetingId}`)).body.liveVotes
    }
    expect(await running('open', false)).toBeNull()
    expect(await running('open', true)).toEqual({ yes: 1, no: 0, abstain: 0 })
    expect(await running('secret', true)).toBeNull()
    await t.request({
      method: 'PUT',
      url: `${base()}/settings`,
      token: committee,
      body: { showCountsLive: false },
    })
  })

  describe('at the deciding step', () => {
    const toDecide = async (over: Record<string, unknown> = {}) => {
      const d = await create(secretary, over)
      for (const [step, body] of [
        ['propose', 'party_branch'],
        ['consult', 'joint_committees'],
        ['review', 'party_members_meeting'],
      ] as const)
        expect((await hold(secretary, d.id, step, body)).closed.body.result.outcome).toBe('passed')
      return d.id as number
    }

    it('lets the representatives decide an Art 24 matter the villagers’ meeting delegated to them', async () => {
      const id = await toDecide({ delegation: { resolution: '2026年第1次村民会议决议' } })
      const held = await hold(secretary, id, 'decide', 'representatives_meeting')
      expect(held.closed.body.result.outcome).toBe('passed')
      // Art 25: the committee members sit in it with the representatives, each person once
      const [members] = await t.ds.query(
        `SELECT COUNT(DISTINCT residentId) AS n FROM role_assignment
          WHERE orgId = ? AND role IN ('representative', 'committee_member', 'party_secretary')`,
        [village],
      )
      expect(held.members).toHaveLength(Number(members.n))
      expect(held.closed.body.result).toMatchObject({ due: Number(members.n), present: Number(members.n) })
    })

    it('refuses a lesser body deciding, and check-ins, sign-ins and ballots after the close', async () => {
      const id = await toDecide()
      // the two committees or the party members cannot adopt the matter: only the assemblies decide
      expectError(
        await schedule(secretary, id, 'decide', 'joint_committees'),
        'DELIBERATION_BODY_NOT_ALLOWED',
      )
      expectError(
        await schedule(secretary, id, 'decide', 'party_members_meeting'),
        'DELIBERATION_BODY_NOT_ALLOWED',
      )
      const held = await hold(secretary, id, 'decide', 'villagers_meeting', { present: 0 })
      expect(held.closed.body.result.outcome).toBe('not_quorate')
      const path = `/${id}/meetings/${held.meetingId}`
      const member = await tokenOf(held.members[0]!.residentId)
      expectError(await post(member, `${path}/check-in`), 'DELIBERATION_VOTING_CLOSED')
      expectError(await post(member, `${path}/ballots`, { choice: 'yes' }), 'DELIBERATION_VOTING_CLOSED')
      expectError(
        await post(secretary, `${path}/paper-sign-in`, { memberIds: [held.members[0]!.id] }),
        'DELIBERATION_VOTING_CLOSED',
      )
      // a resident is no clerk, and a township official no member
      expectError(
        await post(resident, `${path}/paper-sign-in`, { memberIds: [held.members[0]!.id] }),
        'FORBIDDEN',
      )
      const township = await t.login('township')
      expectError(await post(township, `${path}/ballots`, { choice: 'yes' }), 'NOT_VERIFIED')
    })

    it('counts a villagers’ meeting quorate by households, one person for each of two thirds of them', async () => {
      const id = await toDecide()
      const scheduled = await schedule(secretary, id, 'decide', 'villagers_meeting')
      const meetingId: number = scheduled.body.meetings.at(-1).id
      await reachMeeting(t, meetingId)
      expect((await post(secretary, `/${id}/meetings/${meetingId}/open`)).status).toBe(200)
      const rows: { id: number | string; householdId: number | string }[] = await t.ds.query(
        'SELECT id, householdId FROM deliberation_meeting_member WHERE meetingId = ? ORDER BY id',
        [meetingId],
      )
      const byHousehold = new Map<number, number>()
      for (const r of rows)
        if (!byHousehold.has(Number(r.householdId))) byHousehold.set(Number(r.householdId), Number(r.id))
      const households = byHousehold.size
      const needed = Math.ceil((households * 2) / 3)
      const signIn = [...byHousehold.values()].slice(0, needed)
      // fewer persons than half of the adults, but someone from two thirds of the households
      expect(signIn.length * 2).toBeLessThanOrEqual(rows.length)
      await post(secretary, `/${id}/meetings/${meetingId}/paper-sign-in`, { memberIds: signIn })
      const quorum = (await get(resident, `/${id}/meetings/${meetingId}/quorum`)).body
      expect(quorum.attendance).toEqual({
        due: rows.length,
        present: needed,
        households: { total: households, represented: needed },
      })
      expect(quorum.quorum).toMatchObject({ met: true, by: 'households' })

      // a member of a household not yet represented checks in on their phone: one more person and
      // one more household, in the check-in's own answer
      expect(households).toBeGreaterThan(needed)
      const walker = [...byHousehold.values()][needed]!
      const [who] = await t.ds.query('SELECT residentId FROM deliberation_meeting_member WHERE id = ?', [
        walker,
      ])
      const answer = await post(
        await tokenOf(Number(who.residentId)),
        `/${id}/meetings/${meetingId}/check-in`,
      )
      expect(answer.status).toBe(200)
      const represented = needed + 1
      expect(answer.body.attendance).toEqual({
        due: rows.length,
        present: needed + 1,
        households: { total: households, represented },
      })
      // the households counted from the sign-ins' own column are those a join to the frozen list finds
      const recount = async () =>
        (
          await t.ds.query(
            `SELECT COUNT(DISTINCT mm.householdId) AS n FROM deliberation_attendance a
               JOIN deliberation_meeting_member mm ON mm.id = a.memberId WHERE a.meetingId = ?`,
            [meetingId],
          )
        )[0].n
      expect(Number(await recount())).toBe(represented)

      // the migration that added the column fills it for sign-ins made before it, to the same counts
      const migration: MigrationInterface =
        DIALECT === 'mysql'
          ? new DeliberationAttendanceHousehold1796595298884Mysql()
          : new DeliberationAttendanceHousehold1796595298884Sqlite()
      const runner = t.ds.createQueryRunner()
      try {
        await migration.down(runner)
        await migration.up(runner)
      } finally {
        await runner.release()
      }
      expect((await get(resident, `/${id}/meetings/${meetingId}/quorum`)).body.attendance).toEqual(
        answer.body.attendance,
      )
    })
  })

  it('links a resident’s issue as the source, and refuses one from elsewhere', async () => {
    expectError(
      await post(secretary, '', {
        title: '议题',
        content: '内容',
        matterType: 'ordinary',
        source: { kind: 'grievance', grievanceId: 999999 },
      }),
      'DELIBERATION_SOURCE_INVALID',
    )
  })

  it('pages the list newest first, filters it by status, and refuses a status that does not exist', async () => {
    const before = (await get(resident, '?pageSize=100')).body.total as number
    const made: number[] = []
    for (let i = 0; i < 3; i++) made.push((await create(secretary, { title: `第 ${i + 1} 个议题` })).id)
    const first = (await get(resident, '?page=1&pageSize=2')).body
    expect(first.total).toBe(before + 3)
    expect(first.items.map((x: { id: number }) => x.id)).toEqual([made[2], made[1]])
    const second = (await get(resident, '?page=2&pageSize=2')).body
    expect(second.items[0].id).toBe(made[0])
    const inProgress = (await get(resident, '?status=in_progress&pageSize=100')).body
    expect(inProgress.items.every((x: { status: string }) => x.status === 'in_progress')).toBe(true)
    expect(inProgress.items.map((x: { id: number }) => x.id)).toEqual(expect.arrayContaining(made))
    const bad = await get(resident, '?status=whatever')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body.details)).toContain('没有这种议事状态')
  })

  it('counts 200 parallel ballots by one voter once', async () => {
    const d = await create()
    const scheduled = await schedule(secretary, d.id, 'propose', 'party_branch', { ballot: 'secret' })
    const meetingId: number = scheduled.body.meetings.at(-1).id
    await post(secretary, `/${d.id}/meetings/${meetingId}/open`)
    expect((await post(secretary, `/${d.id}/meetings/${meetingId}/check-in`)).status).toBe(200)
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        post(secretary, `/${d.id}/meetings/${meetingId}/ballots`, { choice: 'yes' }),
      ),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
    for (const r of results.filter((x) => x.status !== 200)) expectError(r, 'DELIBERATION_ALREADY_VOTED')
    const [turnout] = await t.ds.query('SELECT COUNT(*) AS n FROM deliberation_turnout WHERE meetingId = ?', [
      meetingId,
    ])
    const [ballots] = await t.ds.query(
      'SELECT COUNT(*) AS n FROM deliberation_secret_ballot WHERE meetingId = ?',
      [meetingId],
    )
    expect(Number(turnout.n)).toBe(1)
    expect(Number(ballots.n)).toBe(1)
  })

  describe('the secret ballot', () => {
    it('keeps who voted and what was voted in tables that cannot be joined', async () => {
      const qr = t.ds.createQueryRunner()
      try {
        const turnout = (await qr.getTable('deliberation_turnout'))!
        const ballot = (await qr.getTable('deliberation_secret_ballot'))!
        const names = (cols: { name: string }[]) => cols.map((c) => c.name).sort()
        // the turnout keeps the (hashed) Idempotency-Key of the ballot, the ballot keeps no copy of it
        expect(names(turnout.columns)).toEqual(['meetingId', 'memberId', 'requestKey'])
        expect(names(ballot.columns)).toEqual(['choice', 'id', 'meetingId'])
        // nothing in common but the meeting, which every ballot of the meeting shares
        expect(names(turnout.columns).filter((c) => names(ballot.columns).includes(c))).toEqual(['meetingId'])
        // no clock and no counter on the ballots
        for (const c of ballot.columns) {
          expect(c.isGenerated).toBe(false)
          expect(c.type).not.toMatch(/date|time/i)
        }
        expect(ballot.columns.find((c) => c.name === 'id')!.isPrimary).toBe(true)
      } finally {
        await qr.release()
      }
      if (DIALECT === 'sqlite') {
        // no hidden rowid to order the ballots (or the voters) by
        for (const table of ['deliberation_secret_ballot', 'deliberation_turnout']) {
          const [sql] = await t.ds.query(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [
            table,
          ])
          expect(sql.sql).toMatch(/WITHOUT ROWID/i)
        }
      }
    })

    it('gives ballots random keys, so their stored order is not the order they were cast', async () => {
      const ids: { id: string }[] = await t.ds.query('SELECT id FROM deliberation_secret_ballot')
      for (const { id } of ids)
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      // two ballots cast in a known order come back in key order, not in the order cast
      const later = 'ffffffff-ffff-4fff-bfff-ffffffffffff'
      const sooner = '00000000-0000-4000-8000-000000000000'
      await t.ds.query('INSERT INTO deliberation_secret_ballot (id, meetingId, choice) VALUES (?, ?, ?)', [
        later,
        999999,
        'yes',
      ])
      await t.ds.query('INSERT INTO deliberation_secret_ballot (id, meetingId, choice) VALUES (?, ?, ?)', [
        sooner,
        999999,
        'no',
      ])
      const back: { id: string }[] = await t.ds.query(
        'SELECT id FROM deliberation_secret_ballot WHERE meetingId = ?',
        [999999],
      )
      expect(back.map((r) => r.id)).toEqual([sooner, later])
      await t.ds.query('DELETE FROM deliberation_secret_ballot WHERE meetingId = ?', [999999])
    })

    it('seals who checked in and who voted into the audit chain at the close, so a row removed later is caught', async () => {
      const admin = await t.login('admin')
      const verify = () => verifyOverHttp(t, admin)
      expect(await verify()).toMatchObject({ ok: true })
      const [seal] = await t.ds.query(
        `SELECT seq FROM audit_entry WHERE action = 'deliberation.ballots_sealed' AND targetId = ?`,
        [String(sealedMeetingId)],
      )
      const [voter] = await t.ds.query(
        'SELECT memberId FROM deliberation_turnout WHERE meetingId = ? LIMIT 1',
        [sealedMeetingId],
      )
      await t.ds.query('DELETE FROM deliberation_turnout WHERE meetingId = ? AND memberId = ?', [
        sealedMeetingId,
        voter.memberId,
      ])
      try {
        const broken = await verify()
        expect(broken).toMatchObject({ ok: false, firstBrokenSeq: Number(seal.seq) })
        expect(broken.problem).toContain(`会议 ${sealedMeetingId}`)
        // the command-line check (pnpm --filter server audit:verify) runs the same content checks
        expect(await verifyChain(t.ds)).toEqual(broken)
      } finally {
        await t.ds.query('INSERT INTO deliberation_turnout (meetingId, memberId) VALUES (?, ?)', [
          sealedMeetingId,
          voter.memberId,
        ])
      }
      expect(await verify()).toMatchObject({ ok: true })
    })
  })
})
