import { expectError, under } from '../support/http'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { holdMeeting, lawfulMeeting, openMeeting } from '../support/meetings'

/**
 * Who sits in a representatives' meeting (the committee with the representatives, Art 25), the
 * warning when its make-up breaks the article, and who acts next at every step, named and told.
 */
describe(`members and next actors on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let secretary: string
  let committee: string
  let resident: string

  const base = () => `/api/villages/${village}/deliberations`
  const { post, get } = under(() => t, base)
  const create = async (token: string, title = '修缮村委会会议室') => {
    const res = await post(token, '', {
      title,
      content: '会议室屋顶漏雨，拟修缮。',
      matterType: 'ordinary',
      source: { kind: 'cadre' },
    })
    expect(res.status).toBe(201)
    return res.body
  }
  const turns = async (token: string, deliberationId: number) =>
    (await t.request({ method: 'GET', url: '/api/inbox?pageSize=100', token })).body.items.filter(
      (n: { kind: string; link: string }) =>
        n.kind === 'deliberation.your_turn' && n.link.endsWith(`id=${deliberationId}`),
    )
  /** the people of the village holding one of these roles, each once */
  const holders = async (roles: string[]) =>
    (
      await t.ds.query(
        `SELECT DISTINCT r.id, r.name, r.sex FROM role_assignment ra JOIN resident r ON r.id = ra.residentId
          WHERE ra.orgId = ? AND ra.role IN (${roles.map(() => '?').join(', ')}) ORDER BY r.id`,
        [village, ...roles],
      )
    ).map((r: { id: number | string; name: string; sex: string }) => ({ ...r, id: Number(r.id) }))

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    secretary = await t.login('secretary')
    committee = await t.login('committee')
    resident = await t.login('resident')
  })
  afterAll(async () => t.close())

  describe('who acts next', () => {
    it('tells a committee member who started a deliberation that it waits for 党组织书记 李建华 to propose', async () => {
      const d = await create(committee)
      expect(d.actions).toEqual([])
      expect(d.nextActor).toEqual({
        action: '提议',
        roles: ['party_secretary'],
        names: ['李建华'],
        text: '等待党组织书记 李建华 提议',
        isMe: false,
      })
      // a villager reads who it waits for too
      expect((await get(resident, `/${d.id}`)).body.nextActor.text).toBe('等待党组织书记 李建华 提议')
      expect((await get(secretary, `/${d.id}`)).body.nextActor.isMe).toBe(true)
      // and the secretary is told it is his turn; the one who started it is not
      expect(await turns(secretary, d.id)).toHaveLength(1)
      expect(await turns(committee, d.id)).toHaveLength(0)
    })

    it('names the next actors as the steps move on, and tells them', async () => {
      const d = await create(secretary)
      await holdMeeting(t, {
        token: secretary,
        villageId: village,
        deliberationId: d.id,
        step: 'propose',
        body: 'party_branch',
      })
      const next = (await get(resident, `/${d.id}`)).body.nextActor
      const cadres = await holders(['party_secretary', 'committee_member'])
      expect(next.roles).toEqual(['party_secretary', 'committee_member'])
      expect([...next.names].sort()).toEqual(cadres.map((c: { name: string }) => c.name).sort())
      expect(next.text).toMatch(/^等待党组织书记 李建华 或 村（居）委会成员 .*张丽.* 召开两委联席会议$/)
      expect(await turns(committee, d.id)).toHaveLength(1)

      const scheduled = await post(
        committee,
        `/${d.id}/meetings`,
        lawfulMeeting(t, 'consult', 'joint_committees'),
      )
      expect(scheduled.body.nextActor.action).toBe('按通知的时间开始会议')
    })

    it('says who it waits for again when a meeting is not quorate', async () => {
      const d = await create(secretary)
      const { meetingId } = await openMeeting(t, {
        token: secretary,
        villageId: village,
        deliberationId: d.id,
        step: 'propose',
        body: 'party_branch',
      })
      const before = (await turns(secretary, d.id)).length
      const closed = await post(committee, `/${d.id}/meetings/${meetingId}/close`, {})
      expectError(closed, 'DELIBERATION_ROLE_NOT_ALLOWED')
      expect((await post(secretary, `/${d.id}/meetings/${meetingId}/close`, {})).body.result.outcome).toBe(
        'not_quorate',
      )
      expect((await get(committee, `/${d.id}`)).body.nextActor.text).toBe('等待党组织书记 李建华 提议')
      expect(await turns(secretary, d.id)).toHaveLength(before)
      expect(await turns(committee, d.id)).toHaveLength(0)
    })
  })

  describe('the representatives’ meeting (Art 25)', () => {
    let id: number

    it('shows the committee its make-up against Art 25, with the numbers, before the notice goes out', async () => {
      const d = await create(secretary, '村道路灯维修')
      id = d.id
      const at = { token: secretary, villageId: village, deliberationId: id }
      await holdMeeting(t, { ...at, step: 'propose', body: 'party_branch' })
      await holdMeeting(t, { ...at, step: 'consult', body: 'joint_committees' })
      await holdMeeting(t, { ...at, step: 'review', body: 'party_members_meeting' })
      const preview = await get(committee, `/${id}/schedule-preview?body=representatives_meeting`)
      expect(preview.status).toBe(200)
      const members = await holders(['party_secretary', 'committee_member', 'representative'])
      const reps = await holders(['representative'])
      const women = reps.filter((r: { sex: string }) => r.sex === 'female').length
      expect(preview.body.members).toBe(members.length)
      expect(preview.body.composition).toMatchObject({
        members: members.length,
        representatives: reps.length,
        womenRepresentatives: women,
        representativesOk: reps.length * 5 >= members.length * 4,
        womenOk: women * 3 >= members.length,
      })
      // 柳林村 has too few representatives and no women among them: both fractions are broken
      expect(preview.body.composition.warnings).toEqual([
        `村民代表应占村民代表会议组成人员的五分之四以上：现在组成人员 ${members.length} 人，其中村民代表 ${reps.length} 人，至少要 ${Math.ceil((members.length * 4) / 5)} 人`,
        `妇女村民代表应占组成人员的三分之一以上：现在组成人员 ${members.length} 人，其中妇女村民代表 ${women} 人，至少要 ${Math.ceil(members.length / 3)} 人`,
      ])
      // for the committee only, and only for a body of the step under way
      expectError(await get(resident, `/${id}/schedule-preview?body=representatives_meeting`), 'FORBIDDEN')
      expectError(
        await get(committee, `/${id}/schedule-preview?body=party_branch`),
        'DELIBERATION_BODY_NOT_ALLOWED',
      )
    })

    it('freezes the committee with the representatives, each once, and counts them in quorum and pass', async () => {
      const scheduled = await post(
        secretary,
        `/${id}/meetings`,
        lawfulMeeting(t, 'decide', 'representatives_meeting'),
      )
      expect(scheduled.status).toBe(201)
      const meetingId: number = scheduled.body.meetings.at(-1).id
      const frozen = await t.ds.query(
        'SELECT residentId FROM deliberation_meeting_member WHERE meetingId = ? ORDER BY residentId',
        [meetingId],
      )
      const members = await holders(['party_secretary', 'committee_member', 'representative'])
      expect(frozen.map((r: { residentId: number | string }) => Number(r.residentId))).toEqual(
        members.map((m: { id: number }) => m.id),
      )
      await post(secretary, `/${id}/meetings/${meetingId}/open`)
      const list = await t.ds.query(
        'SELECT id, residentId FROM deliberation_meeting_member WHERE meetingId = ? ORDER BY id',
        [meetingId],
      )
      const cadres = new Set(
        (await holders(['party_secretary', 'committee_member'])).map((c: { id: number }) => c.id),
      )
      const cadreRows = list.filter((r: { residentId: number | string }) => cadres.has(Number(r.residentId)))
      const repRows = list.filter((r: { residentId: number | string }) => !cadres.has(Number(r.residentId)))
      // exactly two thirds present, the committee members among them: quorate only because they count
      const present = Math.ceil((list.length * 2) / 3)
      const signIn = [...cadreRows, ...repRows]
        .slice(0, present)
        .map((r: { id: number | string }) => Number(r.id))
      expect(signIn.length - cadreRows.length).toBeLessThan(Math.ceil((repRows.length * 2) / 3))
      expect(
        (await post(secretary, `/${id}/meetings/${meetingId}/paper-sign-in`, { memberIds: signIn })).status,
      ).toBe(200)
      const closed = await post(secretary, `/${id}/meetings/${meetingId}/close`, {
        counted: { yes: Math.floor(present / 2) + 1, no: present - Math.floor(present / 2) - 1, abstain: 0 },
      })
      expect(closed.body.result).toMatchObject({ outcome: 'passed', due: list.length, present })
    })
  })
})
