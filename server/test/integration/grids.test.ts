import type {
  GridDetailView,
  GridHouseholdView,
  GridView,
  GrievanceSummary,
  MyGroupView,
  GrievanceView,
  NotificationView,
  RoleHolderView,
} from '@xiangli/shared'
import { GrievanceEscalation } from '../../src/modules/grievances/use-cases/grievance-escalation'
import { Grievance } from '../../src/modules/grievances/entities/grievance.entity'
import { Household } from '../../src/modules/roster/entities/household.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { expectError } from '../support/http'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

const DAY = 86_400_000

describe(`网格 (grids) and the first line on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number; township: number }
  /** 张丽, committee member of 柳林村 */
  let committee: string
  /** 王秀英, a resident of 一组, in 东片网格 */
  let resident: string
  /** 刘长青, a representative of 一组: a resident who is no grid worker */
  let representative: string
  /** 李明, 网格员 of 东片网格 (一组) */
  let gridWorker: string
  /** 罗振华, 村民小组长 of 三组 */
  let groupLeader: string
  /** 许静, committee member of 新华社区 */
  let otherCommittee: string

  const grids = (village = ids.village) => `/api/villages/${village}/grids`
  const issues = (village = ids.village) => `/api/villages/${village}/grievances`
  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const personId = async (name: string): Promise<number> =>
    (await t.ds.getRepository(Resident).findOneByOrFail({ name })).id
  const gridNamed = async (name: string): Promise<GridView> =>
    ((await get(grids(), committee)).body as GridView[]).find((g) => g.name === name)!
  const inbox = async (token: string): Promise<NotificationView[]> =>
    (await get('/api/inbox?pageSize=100', token)).body.items

  let serial = 0
  /** An issue 王秀英 raised and the committee accepted; its id. */
  async function accepted(): Promise<number> {
    const res = await post(issues(), resident, {
      category: '环境卫生',
      title: `网格测试 ${++serial}`,
      text: '村口的垃圾桶满了好几天没人清。',
    })
    expect(res.status).toBe(201)
    expect((await post(`${issues()}/${res.body.id}/accept`, committee)).status).toBe(200)
    return res.body.id
  }

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    committee = await t.login('committee')
    resident = await t.login('resident')
    representative = await t.login('representative')
    gridWorker = await t.login('grid_worker')
    groupLeader = await t.login('group_leader')
    otherCommittee = await t.login('community_committee')
  })
  afterAll(() => t?.close())

  describe('the demo village', () => {
    it('has two grids, each with its 网格员, covering every household by villager group', async () => {
      const res = await get(grids(), committee)
      expect(res.status).toBe(200)
      const list = res.body as GridView[]
      expect(list.map((g) => [g.name, g.workers.map((w) => w.name), g.householdCount])).toEqual([
        ['东片网格', ['李明'], 5],
        ['西片网格', ['杨帆'], 9],
      ])
      const roles = (await get(`/api/villages/${ids.village}/roles`, committee)).body as RoleHolderView[]
      expect(
        roles
          .filter((r) => r.role === 'grid_worker')
          .map((r) => r.name)
          .sort(),
      ).toEqual(['李明', '杨帆'].sort())
      expect(roles.filter((r) => r.role === 'group_leader').map((r) => r.name)).toEqual(['罗振华'])
    })
  })

  describe('grids are the committee’s to make', () => {
    it('lets the committee create and rename a grid, and refuses a name already used', async () => {
      const made = await post(grids(), committee, { name: '  南片  网格 ' })
      expect(made.status).toBe(201)
      expect(made.body).toMatchObject({ name: '南片 网格', workers: [], householdCount: 0 })
      const renamed = await t.request({
        method: 'PATCH',
        url: `${grids()}/${made.body.id}`,
        token: committee,
        body: { name: '南片网格' },
      })
      expect(renamed.status).toBe(200)
      expect(renamed.body.name).toBe('南片网格')
      expectError(await post(grids(), committee, { name: '东片网格' }), 'GRID_NAME_TAKEN')
      expectError(
        await t.request({
          method: 'PATCH',
          url: `${grids()}/${made.body.id}`,
          token: committee,
          body: { name: '西片网格' },
        }),
        'GRID_NAME_TAKEN',
      )
      expectError(await post(grids(), committee, { name: '   ' }), 'VALIDATION_FAILED')
    })

    it('refuses residents, grid workers and group leaders, and another village’s committee', async () => {
      for (const token of [resident, gridWorker, groupLeader])
        expectError(await post(grids(), token, { name: '北片网格' }), 'FORBIDDEN')
      const east = await gridNamed('东片网格')
      expectError(
        await t.request({
          method: 'PATCH',
          url: `${grids(ids.community)}/${east.id}`,
          token: otherCommittee,
          body: { name: '抢来的网格' },
        }),
        'NOT_FOUND',
      )
      expect((await gridNamed('东片网格')).name).toBe('东片网格')
    })
  })

  describe('putting households into grids', () => {
    it('moves a whole villager group, and single households, into a grid; each household is in one grid', async () => {
      const south = await gridNamed('南片网格')
      const households = (await get(`${grids()}/households`, committee)).body as GridHouseholdView[]
      const third = households.filter((h) => h.groupName === '三组')
      expect(third).toHaveLength(4)
      expect(third.every((h) => h.gridName === '西片网格')).toBe(true)
      const groupId = (
        await t.ds.query(`SELECT id FROM org WHERE name = '三组' AND parentId = ?`, [ids.village])
      )[0].id as number

      const byGroup = await post(`${grids()}/${south.id}/households`, committee, {
        groupIds: [Number(groupId)],
      })
      expect(byGroup.status).toBe(200)
      expect(byGroup.body).toEqual({ added: 4, moved: 4 })
      // again: nothing changes
      expect(
        (await post(`${grids()}/${south.id}/households`, committee, { groupIds: [Number(groupId)] })).body,
      ).toEqual({
        added: 0,
        moved: 0,
      })
      const after = (await get(`${grids()}/households`, committee)).body as GridHouseholdView[]
      expect(
        after
          .filter((h) => h.gridName === '南片网格')
          .map((h) => h.id)
          .sort(),
      ).toEqual(third.map((h) => h.id).sort())
      expect((await gridNamed('西片网格')).householdCount).toBe(5)
      expect((await gridNamed('南片网格')).householdCount).toBe(4)

      // one household picked by hand goes back to 西片
      const west = await gridNamed('西片网格')
      const picked = await post(`${grids()}/${west.id}/households`, committee, {
        householdIds: [third[0]!.id],
      })
      expect(picked.body).toEqual({ added: 1, moved: 1 })
      expect((await gridNamed('南片网格')).householdCount).toBe(3)

      // and one taken out of any grid
      expect((await post(`${grids()}/release`, committee, { householdIds: [third[1]!.id] })).status).toBe(200)
      const released = ((await get(`${grids()}/households`, committee)).body as GridHouseholdView[]).find(
        (h) => h.id === third[1]!.id,
      )
      expect(released?.gridId).toBeNull()
    })

    it('refuses nothing to put in, another village’s household, and anyone but the committee', async () => {
      const south = await gridNamed('南片网格')
      expectError(await post(`${grids()}/${south.id}/households`, committee, {}), 'GRID_HOUSEHOLDS_NONE')
      const foreign = (await get(`${grids(ids.community)}/households`, otherCommittee))
        .body as GridHouseholdView[]
      expectError(
        await post(`${grids()}/${south.id}/households`, committee, { householdIds: [foreign[0]!.id] }),
        'NOT_FOUND',
      )
      expectError(await post(`${grids()}/${south.id}/households`, gridWorker, { groupIds: [1] }), 'FORBIDDEN')
      expectError(
        await post(`${grids()}/${south.id}/households`, committee, { householdIds: [0] }),
        'VALIDATION_FAILED',
      )
    })
  })

  describe('naming grid workers', () => {
    it('gives the post with the grid, tells the person, and takes it away with their last grid', async () => {
      const south = await gridNamed('南片网格')
      const wang = await personId('王秀英')
      const named = await post(`${grids()}/${south.id}/workers`, committee, { residentId: wang })
      expect(named.status).toBe(200)
      expect(named.body.workers).toEqual([{ residentId: wang, name: '王秀英' }])
      const holders = async () =>
        ((await get(`/api/villages/${ids.village}/roles`, committee)).body as RoleHolderView[])
          .filter((r) => r.role === 'grid_worker')
          .map((r) => r.name)
      expect(await holders()).toContain('王秀英')
      expect((await inbox(resident)).find((n) => n.kind === 'grid.worker_added')?.title).toBe(
        '您已担任南片网格的网格员',
      )
      // roles are read per request: her grids are hers at once
      const mine = await get(`${grids()}/mine`, resident)
      expect(mine.status).toBe(200)
      expect((mine.body as GridView[]).map((g) => g.name)).toEqual(['南片网格'])

      const removed = await t.request({
        method: 'DELETE',
        url: `${grids()}/${south.id}/workers/${wang}`,
        token: committee,
      })
      expect(removed.status).toBe(200)
      expect(removed.body.workers).toEqual([])
      expect(await holders()).not.toContain('王秀英')
      expectError(await get(`${grids()}/mine`, resident), 'FORBIDDEN')
    })

    it('refuses a person not on this village’s roster', async () => {
      const south = await gridNamed('南片网格')
      const outsider = await personId('许静')
      expectError(
        await post(`${grids()}/${south.id}/workers`, committee, { residentId: outsider }),
        'NOT_FOUND',
      )
    })
  })

  describe('我的网格', () => {
    it('shows the grid worker the households of their grid with their people, phones masked', async () => {
      const east = await gridNamed('东片网格')
      expect(((await get(`${grids()}/mine`, gridWorker)).body as GridView[]).map((g) => g.id)).toEqual([
        east.id,
      ])
      const res = await get(`${grids()}/${east.id}`, gridWorker)
      expect(res.status).toBe(200)
      const grid = res.body as GridDetailView
      expect(grid.households).toHaveLength(5)
      const wangs = grid.households.find((h) => h.members.some((p) => p.name === '王秀英'))!
      expect(wangs.groupName).toBe('一组')
      expect(wangs.members.map((p) => p.name)).toEqual(['王德福', '王秀英', '王小军', '王雨'])
      for (const p of grid.households.flatMap((h) => h.members))
        if (p.phone !== null && p.name !== '李明') expect(p.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
      // the committee may call them: in full
      const full = (await get(`${grids()}/${east.id}`, committee)).body as GridDetailView
      const wang = full.households.flatMap((h) => h.members).find((p) => p.name === '王秀英')!
      expect(wang.phone).toMatch(/^1\d{10}$/)
    })

    it('does not show a grid worker another grid’s households', async () => {
      const west = await gridNamed('西片网格')
      expectError(await get(`${grids()}/${west.id}`, gridWorker), 'GRID_NOT_YOURS')
      expectError(await get(`${issues()}/grid/${west.id}`, gridWorker), 'GRID_NOT_YOURS')
      expectError(await get(`${grids()}/999999`, gridWorker), 'NOT_FOUND')
      expectError(await get(grids(), gridWorker), 'FORBIDDEN')
      expectError(await get(`${grids()}/${west.id}`, resident), 'FORBIDDEN')
    })
  })

  describe('我的小组', () => {
    const myGroup = (village = ids.village) => `/api/villages/${village}/villager-groups/mine`

    it('shows the group leader every household of their own villager group with its people, phones masked', async () => {
      const all = (await get(`${grids()}/households`, committee)).body as GridHouseholdView[]
      const third = all.filter((h) => h.groupName === '三组').map((h) => h.id)
      expect(third.length).toBeGreaterThan(1)
      const res = await get(myGroup(), groupLeader)
      expect(res.status).toBe(200)
      const group = res.body as MyGroupView
      expect(group.name).toBe('三组')
      expect(group.households.map((h) => h.id).sort((a, b) => a - b)).toEqual(third.sort((a, b) => a - b))
      expect(group.households.every((h) => h.groupName === '三组' && h.members.length > 0)).toBe(true)
      const own = group.households.find((h) => h.members.some((p) => p.name === '罗振华'))!
      expect(own.members.map((p) => p.name)).toEqual(['罗振华', '梁秀兰', '罗晓燕'])
      const others = group.households
        .flatMap((h) => h.members)
        .filter((p) => p.phone !== null && p.name !== '罗振华')
      expect(others.length).toBeGreaterThan(0)
      for (const p of others) expect(p.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    })

    it('is the group leader’s alone, and says so plainly when their household is in no group', async () => {
      expectError(await get(myGroup(), resident), 'FORBIDDEN')
      expectError(await get(myGroup(), gridWorker), 'FORBIDDEN')
      expectError(await get(myGroup(), committee), 'FORBIDDEN')
      expectError(await get(myGroup(ids.community), groupLeader), 'OUT_OF_SCOPE')
      const households = t.ds.getRepository(Household)
      const own = await households.findOneByOrFail({ headResidentId: await personId('罗振华') })
      await households.update(own.id, { groupId: null })
      try {
        const res = await get(myGroup(), groupLeader)
        expectError(res, 'GROUP_NONE')
        expect(res.body.message).toContain('村民小组')
      } finally {
        await households.update(own.id, { groupId: own.groupId })
      }
    })
  })

  describe('an issue handed to a grid worker', () => {
    it('reaches them, is answered by them, and is rated closed by the resident', async () => {
      const id = await accepted()
      const li = await personId('李明')
      const assigned = await post(`${issues()}/${id}/assign`, committee, { residentId: li })
      expect(assigned.status).toBe(200)
      expect(assigned.body.assigneeName).toBe('李明')

      const told = (await inbox(gridWorker)).find((n) => n.kind === 'grievance.assigned')
      expect(told?.title).toBe('有一件村民反映的事交给您办理')
      const queue = (await get(`${issues()}/assigned`, gridWorker)).body.items as GrievanceSummary[]
      expect(queue.map((g) => g.id)).toContain(id)
      expect(queue.find((g) => g.id === id)!.raiserName).toBe('王秀英')
      // 一组 is his grid: the issue is among his grid's too
      const east = await gridNamed('东片网格')
      const ofGrid = (await get(`${issues()}/grid/${east.id}`, gridWorker)).body.items as GrievanceSummary[]
      expect(ofGrid.map((g) => g.id)).toContain(id)

      // another of the first line may not answer it
      expectError(
        await post(`${issues()}/${id}/answer`, groupLeader, { text: '我来答复' }),
        'GRIEVANCE_NOT_ASSIGNED_TO_YOU',
      )
      const answered = await post(`${issues()}/${id}/answer`, gridWorker, { text: '已经联系保洁员清运了。' })
      expect(answered.status).toBe(200)
      expect(answered.body.state).toBe('answered')
      expect((answered.body as GrievanceView).timeline.at(-1)).toMatchObject({
        actorName: '李明',
        actorRole: 'grid_worker',
        action: 'answered',
      })

      expect((await inbox(resident)).some((n) => n.kind === 'grievance.answered')).toBe(true)
      const rated = await post(`${issues()}/${id}/rate`, resident, { rating: 5, comment: '很快' })
      expect(rated.status).toBe(200)
      expect(rated.body.state).toBe('closed')
    })

    it('can go to a group leader too, but not to a resident without a post', async () => {
      const id = await accepted()
      expectError(
        await post(`${issues()}/${id}/assign`, committee, { residentId: await personId('刘长青') }),
        'GRIEVANCE_ASSIGNEE_INVALID',
      )
      expect(
        (await post(`${issues()}/${id}/assign`, committee, { residentId: await personId('罗振华') })).body
          .assigneeName,
      ).toBe('罗振华')
      expect(
        ((await get(`${issues()}/assigned`, groupLeader)).body.items as GrievanceSummary[]).map((g) => g.id),
      ).toContain(id)
      expectError(
        await post(`${issues()}/${id}/answer`, gridWorker, { text: '我来答复' }),
        'GRIEVANCE_NOT_ASSIGNED_TO_YOU',
      )
    })

    it('is sent up when overdue, and the grid worker handling it is told', async () => {
      const id = await accepted()
      await post(`${issues()}/${id}/assign`, committee, { residentId: await personId('李明') })
      await t.ds.getRepository(Grievance).update({ id }, { dueAt: new Date(Date.now() - DAY) })
      expect(await t.app.get(GrievanceEscalation).escalateDue(new Date())).toBeGreaterThanOrEqual(1)
      expect((await get(`${issues()}/${id}`, gridWorker)).body.state).toBe('escalated')
      const told = (await inbox(gridWorker)).filter((n) => n.kind === 'grievance.escalated')
      expect(told.length).toBeGreaterThanOrEqual(1)
    })
  })

  describe('what the grid worker reads of their grid', () => {
    it('is what the first line reads: nothing kept to the 两委 or held, unless they collected it or it was handed to them', async () => {
      const east = await gridNamed('东片网格')
      const gridList = async (token: string): Promise<number[]> => {
        const res = await get(`${issues()}/grid/${east.id}?pageSize=100`, token)
        expect(res.status).toBe(200)
        return (res.body.items as GrievanceSummary[]).map((g) => g.id)
      }
      const raise = async (o: Record<string, unknown>): Promise<number> => {
        const res = await post(issues(), resident, {
          category: '环境卫生',
          title: `网格可见 ${++serial}`,
          text: '隔壁家的狗天天半夜叫。',
          ...o,
        })
        expect(res.status).toBe(201)
        return res.body.id
      }
      const quarrel = await raise({ category: '邻里纠纷' })
      const opened = await raise({ category: '邻里纠纷', visibility: 'public' })
      const held = await raise({})
      await t.ds.getRepository(Grievance).update({ id: held }, { moderation: 'held' })
      const collected = await post(`${issues()}/collected`, gridWorker, {
        category: '邻里纠纷',
        title: '王家和邻居为院墙吵架',
        text: '走访时听说两家为院墙的事吵了几次。',
        visibility: 'committee',
        residentIds: [await personId('王秀英')],
      })
      expect(collected.status).toBe(201)

      const seen = await gridList(gridWorker)
      expect({
        quarrel: seen.includes(quarrel),
        opened: seen.includes(opened),
        held: seen.includes(held),
        collected: seen.includes(collected.body.id),
      }).toEqual({ quarrel: false, opened: true, held: false, collected: true })
      // 仅村委会可见 means what it says: the grid worker is told it does not exist
      expectError(await get(`${issues()}/${quarrel}`, gridWorker), 'NOT_FOUND')
      expectError(await get(`${issues()}/${held}`, gridWorker), 'NOT_FOUND')
      expect((await get(`${issues()}/${collected.body.id}`, gridWorker)).status).toBe(200)
      // the 两委 read the whole grid
      expect(await gridList(committee)).toEqual(expect.arrayContaining([quarrel, opened, held]))

      // handed to them, it is theirs to handle
      expect((await post(`${issues()}/${quarrel}/accept`, committee)).status).toBe(200)
      const li = await personId('李明')
      expect((await post(`${issues()}/${quarrel}/assign`, committee, { residentId: li })).status).toBe(200)
      expect(await gridList(gridWorker)).toContain(quarrel)
      expect((await get(`${issues()}/${quarrel}`, gridWorker)).status).toBe(200)
    })
  })

  describe('民情收集', () => {
    it('is raised by the grid worker, names a resident of their grid, and shows among that resident’s issues', async () => {
      const wang = await personId('王秀英')
      const res = await post(`${issues()}/collected`, gridWorker, {
        category: '环境卫生',
        title: '王家门口排水沟堵了',
        text: '走访时王大姐说门口的排水沟堵了，下雨积水。',
        visibility: 'committee',
        residentIds: [wang],
      })
      expect(res.status).toBe(201)
      const g = res.body as GrievanceView
      expect(g.collectedBy).toBe('李明')
      expect(g.raiserName).toBe('李明')
      expect(g.timeline[0]).toMatchObject({
        actorName: '李明',
        actorRole: 'grid_worker',
        action: 'submitted',
      })

      const hers = (await get(`${issues()}/mine`, resident)).body.items as GrievanceSummary[]
      expect(hers.find((i) => i.id === g.id)).toMatchObject({ collectedBy: '李明', raiserName: '李明' })
      expect((await get(`${issues()}/${g.id}`, resident)).status).toBe(200)
      expect((await inbox(resident)).some((n) => n.kind === 'grievance.collected')).toBe(true)
      expect((await inbox(committee)).some((n) => n.title === '网格员李明收集了一件民情')).toBe(true)
      // kept to the committee: a neighbour not named does not see it
      expectError(await get(`${issues()}/${g.id}`, representative), 'NOT_FOUND')
      expect(
        ((await get(`${issues()}/mine`, representative)).body.items as GrievanceSummary[]).map((i) => i.id),
      ).not.toContain(g.id)
    })

    it('names only residents of the grid worker’s own grids, and only a grid worker collects', async () => {
      const body = { category: '环境卫生', title: '路灯不亮', text: '三组路口的路灯坏了。' }
      expectError(
        await post(`${issues()}/collected`, gridWorker, { ...body, residentIds: [await personId('罗振华')] }),
        'GRID_RESIDENT_OUTSIDE',
      )
      expectError(
        await post(`${issues()}/collected`, gridWorker, { ...body, residentIds: [await personId('许静')] }),
        'GRID_RESIDENT_OUTSIDE',
      )
      expectError(
        await post(`${issues()}/collected`, gridWorker, { ...body, residentIds: [] }),
        'VALIDATION_FAILED',
      )
      expectError(
        await post(`${issues()}/collected`, resident, { ...body, residentIds: [await personId('王秀英')] }),
        'FORBIDDEN',
      )
    })
  })
})
