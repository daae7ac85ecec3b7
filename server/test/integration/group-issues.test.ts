import type { GrievanceSummary, GrievanceView, Page } from '@xiangli/shared'
import { Grievance } from '../../src/modules/grievances/entities/grievance.entity'
import { GrievanceSubject } from '../../src/modules/grievances/entities/grievance-subject.entity'
import { Household } from '../../src/modules/roster/entities/household.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { expectError } from '../support/http'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

/**
 * 小组里的事: a 村民小组长 reads the issues of their own villager group's people, as a 网格员 reads
 * their grid's, but no more than a villager may see: nothing kept to the 两委 (a 邻里纠纷 unless its
 * raiser made it public), nothing the content check holds, nothing of another group; read only,
 * unless the 两委 handed the item to them.
 */
describe(`a group leader's issues of their villager group on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number; township: number }
  /** 张丽, committee member of 柳林村 */
  let committee: string
  /** 王秀英, a resident of 一组 */
  let resident: string
  /** 李明, 网格员 of 东片网格 (一组) */
  let gridWorker: string
  /** 罗振华, 村民小组长 of 三组 */
  let groupLeader: string

  const issues = (village = ids.village) => `/api/villages/${village}/grievances`
  const groupList = (village = ids.village) => `${issues(village)}/group`
  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const personId = async (name: string): Promise<number> =>
    (await t.ds.getRepository(Resident).findOneByOrFail({ name })).id
  const listed = async (query = 'pageSize=100'): Promise<number[]> => {
    const res = await get(`${groupList()}?${query}`, groupLeader)
    expect(res.status).toBe(200)
    return (res.body.items as GrievanceSummary[]).map((g) => g.id)
  }

  let serial = 0
  /** An issue the committee files at its desk (代办) for 谢德明 of 三组, with his consent; its id. */
  async function forXie(o: Record<string, unknown> = {}): Promise<number> {
    const res = await post(issues(), committee, {
      category: '环境卫生',
      title: `三组的事 ${++serial}`,
      text: '三组路口的水沟堵了，下雨就漫到路上。',
      onBehalf: {
        residentId: await personId('谢德明'),
        consent: { kind: 'on_device', typedName: '谢德明', agreed: true },
      },
      ...o,
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  /** An issue 王秀英 of 一组 raises herself; its id. */
  async function fromFirstGroup(o: Record<string, unknown> = {}): Promise<number> {
    const res = await post(issues(), resident, {
      category: '环境卫生',
      title: `一组的事 ${++serial}`,
      text: '村口的垃圾桶满了好几天没人清。',
      ...o,
    })
    expect(res.status).toBe(201)
    return res.body.id
  }

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    committee = await t.login('committee')
    resident = await t.login('resident')
    gridWorker = await t.login('grid_worker')
    groupLeader = await t.login('group_leader')
  })
  afterAll(() => t?.close())

  it('lists what the households of the group raised, names unmasked, and opens it; never another group’s', async () => {
    const ours = await forXie()
    const theirs = await fromFirstGroup()
    const res = await get(`${groupList()}?pageSize=100`, groupLeader)
    expect(res.status).toBe(200)
    const items = res.body.items as GrievanceSummary[]
    expect(items.find((g) => g.id === ours)?.raiserName).toBe('谢德明')
    expect(items.map((g) => g.id)).not.toContain(theirs)

    const one = await get(`${issues()}/${ours}`, groupLeader)
    expect(one.status).toBe(200)
    expect((one.body as GrievanceView).raiserName).toBe('谢德明')
    // another group's public item is on the village's wall like any other, its raiser's name masked
    const other = await get(`${issues()}/${theirs}`, groupLeader)
    expect(other.status).toBe(200)
    expect((other.body as GrievanceView).raiserName).not.toBe('王秀英')
    // another group's item kept to the 两委 does not exist for them
    const kept = await fromFirstGroup({ visibility: 'committee' })
    expectError(await get(`${issues()}/${kept}`, groupLeader), 'NOT_FOUND')
    expect(await listed()).not.toContain(kept)
  })

  it('lists what a 网格员 collected naming one of the group', async () => {
    const [wang, xieWei] = [await personId('王秀英'), await personId('谢伟')]
    const repo = t.ds.getRepository(Grievance)
    const row = await repo.findOneByOrFail({ raiserResidentId: wang, villageId: ids.village })
    const { id: _id, ...copy } = row
    const saved = await repo.save(
      repo.create({ ...copy, title: '谢家门口的路灯坏了', raiserResidentId: null, collectorName: '杨帆' }),
    )
    await t.ds.getRepository(GrievanceSubject).insert({ grievanceId: saved.id, residentId: xieWei })
    expect(await listed()).toContain(saved.id)
  })

  it('keeps a 邻里纠纷 to the 两委 unless its raiser made it public', async () => {
    const quarrel = await forXie({ category: '邻里纠纷' })
    const opened = await forXie({ category: '邻里纠纷', visibility: 'public' })
    const kept = await forXie({ visibility: 'committee' })
    const seen = await listed()
    expect([seen.includes(quarrel), seen.includes(opened), seen.includes(kept)]).toEqual([false, true, false])
    expectError(await get(`${issues()}/${quarrel}`, groupLeader), 'NOT_FOUND')
    expectError(await get(`${issues()}/${kept}`, groupLeader), 'NOT_FOUND')
    // the 网格员 of another grid reads no more of it than before
    expectError(await get(`${issues()}/${quarrel}`, gridWorker), 'NOT_FOUND')
  })

  it('does not list what the content check holds', async () => {
    const held = await forXie()
    const rejected = await forXie()
    const repo = t.ds.getRepository(Grievance)
    await repo.update({ id: held }, { moderation: 'held' })
    await repo.update({ id: rejected }, { moderation: 'rejected' })
    const seen = await listed()
    expect(seen).not.toContain(held)
    expect(seen).not.toContain(rejected)
    expectError(await get(`${issues()}/${held}`, groupLeader), 'NOT_FOUND')
  })

  it('is read only, unless the 两委 hand the item to them, which then lists it even kept to the 两委', async () => {
    const open = await forXie()
    expect((await post(`${issues()}/${open}/accept`, committee)).status).toBe(200)
    expectError(
      await post(`${issues()}/${open}/answer`, groupLeader, { text: '我来答复' }),
      'GRIEVANCE_NOT_ASSIGNED_TO_YOU',
    )
    expectError(
      await post(`${issues()}/${open}/replies`, groupLeader, { text: '我去看看' }),
      'GRIEVANCE_NOT_YOURS',
    )

    const quarrel = await forXie({ category: '邻里纠纷' })
    expect((await post(`${issues()}/${quarrel}/accept`, committee)).status).toBe(200)
    const luo = await personId('罗振华')
    expect((await post(`${issues()}/${quarrel}/assign`, committee, { residentId: luo })).status).toBe(200)
    expect(await listed()).toContain(quarrel)
    expect((await get(`${issues()}/${quarrel}`, groupLeader)).status).toBe(200)
    const answered = await post(`${issues()}/${quarrel}/answer`, groupLeader, { text: '两家都谈过了。' })
    expect(answered.status).toBe(200)
  })

  it('pages after an item (keyset) as it does by offset, without repeats', async () => {
    for (let i = 0; i < 5; i++) await forXie()
    const all = await listed()
    expect(all.length).toBeGreaterThanOrEqual(8)
    const walked: number[] = []
    let after: number | undefined
    for (let guard = 0; guard < 50; guard++) {
      const res = await get(`${groupList()}?pageSize=3${after ? `&after=${after}` : ''}`, groupLeader)
      const p = res.body as Page<GrievanceSummary>
      walked.push(...p.items.map((g) => g.id))
      if (p.nextAfter === undefined) break
      expect(p.nextAfter).toBe(p.items.at(-1)!.id)
      after = p.nextAfter
    }
    expect(walked).toEqual(all)
    expect([...walked].sort((a, b) => b - a)).toEqual(walked)
  })

  it('is the group leader’s alone, and says so plainly when their household is in no group', async () => {
    for (const token of [resident, gridWorker, committee])
      expectError(await get(groupList(), token), 'FORBIDDEN')
    expectError(await get(groupList(ids.community), groupLeader), 'OUT_OF_SCOPE')
    const households = t.ds.getRepository(Household)
    const own = await households.findOneByOrFail({ headResidentId: await personId('罗振华') })
    await households.update(own.id, { groupId: null })
    try {
      expectError(await get(groupList(), groupLeader), 'GROUP_NONE')
    } finally {
      await households.update(own.id, { groupId: own.groupId })
    }
  })
})
