import {
  DEFAULT_SERVICE_CATALOGUE,
  type ServiceItem,
  type ServiceRequestSummary,
  type ServiceRequestView,
  type ServiceStats,
} from '@xiangli/shared'
import { Clock } from '../../src/core/clock/clock'
import { residentByName } from '../support/factories'
import { expectError } from '../support/http'
import { png } from '../support/images'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'

const DAY = 86_400_000

describe(`便民服务 (convenience services) on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let community: number
  let township: number
  let county: number
  /** 王秀英, a resident of 柳林村 */
  let resident: string
  /** 刘长青, another resident of 柳林村 */
  let neighbour: string
  /** 李明, 网格员 of 柳林村 */
  let grid: string
  /** 张丽, committee member of 柳林村 */
  let committee: string
  let supervisor: string
  let outsider: string
  let outsideCommittee: string
  let official: string
  let admin: string

  const base = () => `/api/villages/${village}/services`
  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const put = (url: string, token: string, body: unknown) => t.request({ method: 'PUT', url, token, body })
  const apply = async (token: string, body: Record<string, unknown>): Promise<ServiceRequestView> => {
    const res = await post(`${base()}/requests`, token, body)
    expect(res.status).toBe(201)
    return res.body as ServiceRequestView
  }
  const handoff = (id: number, token: string, body: Record<string, unknown>) =>
    post(`${base()}/requests/${id}/handoffs`, token, body)
  const step = async (
    id: number,
    token: string,
    body: Record<string, unknown>,
  ): Promise<ServiceRequestView> => {
    const res = await handoff(id, token, body)
    expect(res.status).toBe(200)
    return res.body as ServiceRequestView
  }
  const auditOf = async (id: number): Promise<string[]> =>
    (
      await t.ds.query(
        `SELECT action FROM audit_entry WHERE targetType = 'service_request' AND targetId = ? ORDER BY chain, link`,
        [String(id)],
      )
    ).map((r: { action: string }) => r.action)
  const inboxOf = async (token: string) =>
    ((await get('/api/inbox?limit=50', token)).body.items ?? []) as { title: string; link: string | null }[]

  beforeAll(async () => {
    t = await startTestApp()
    ;({ village, community, township } = await villageIds(t.ds))
    county = Number((await t.ds.query(`SELECT id FROM org WHERE name = '清河县'`))[0].id)
    resident = await t.login('resident')
    neighbour = await t.login('representative')
    grid = await t.login('grid_worker')
    committee = await t.login('committee')
    supervisor = await t.login('supervisor')
    outsider = await t.login('community_resident')
    outsideCommittee = await t.login('community_committee')
    official = await t.login('township')
    admin = await t.login('admin')
  })
  afterAll(() => t?.close())

  it('offers the county’s eight default services, each with its office, materials and time limit', async () => {
    const res = await get(`${base()}/catalogue`, resident)
    expect(res.status).toBe(200)
    const items = res.body as ServiceItem[]
    expect(items.map((i) => i.name)).toEqual(DEFAULT_SERVICE_CATALOGUE.map((i) => i.name))
    expect(items.find((i) => i.code === 'elderly_allowance')).toMatchObject({
      office: '乡镇社会事务办',
      timeLimitDays: 15,
      dayKind: 'working',
      handling: 'forward',
      version: 1,
    })
    // the demo request of 王秀英 is in her list, carried to the township
    const mine = (await get(`${base()}/requests/mine`, resident)).body as ServiceRequestSummary[]
    expect(mine.map((r) => [r.itemName, r.state])).toEqual([['城乡居民养老保险参保登记', 'forwarded']])
  })

  it('carries a request from the resident through every hand-off, each on her timeline and in her inbox', async () => {
    const before = (await inboxOf(resident)).length
    const r = await apply(resident, {
      itemCode: 'elderly_allowance',
      materials: ['居民身份证', '户口簿'],
      note: '帮我母亲问的，她腿脚不便。',
    })
    expect(r).toMatchObject({
      state: 'submitted',
      residentName: '王秀英',
      office: '乡镇社会事务办',
      overdue: false,
      actions: ['withdraw'],
      proxy: null,
    })
    expect(r.materials).toEqual([
      { name: '居民身份证', brought: true },
      { name: '户口簿', brought: true },
      { name: '本人银行卡或社保卡', brought: false },
    ])
    expect(r.dueOn > r.submittedAt.slice(0, 10)).toBe(true)

    const queue = (await get(`${base()}/requests?state=submitted`, grid)).body as ServiceRequestSummary[]
    expect(queue.map((q) => q.id)).toContain(r.id)
    const seen = (await get(`${base()}/requests/${r.id}`, grid)).body as ServiceRequestView
    expect(seen.actions).toEqual(['accept', 'refuse'])

    await step(r.id, grid, { kind: 'accept', note: '材料齐全' })
    const handed = await step(r.id, grid, {
      kind: 'hand_over',
      receiver: '陈会计',
      note: '回执已拍照',
    })
    expect(handed.state).toBe('forwarded')
    await step(r.id, committee, { kind: 'receive_result' })
    const done = await step(r.id, committee, { kind: 'deliver' })
    expect(done).toMatchObject({ state: 'done', actions: [] })

    const mine = (await get(`${base()}/requests/${r.id}`, resident)).body as ServiceRequestView
    expect(mine.steps.map((s) => [s.label, s.byName])).toEqual([
      ['提交申请', '王秀英'],
      ['材料已收取', '李明'],
      ['已递交办理单位', '李明'],
      ['结果已取回', '张丽'],
      ['已送达本人', '张丽'],
    ])
    expect(mine.steps[2]).toMatchObject({ office: '乡镇社会事务办', receiver: '陈会计', note: '回执已拍照' })

    const inbox = await inboxOf(resident)
    expect(inbox.length - before).toBe(4)
    expect(inbox[0]!.title).toBe('高龄津贴申领：已送达本人')
    expect(inbox[0]!.link).toBe(`/subpackages/service/pages/detail/index?id=${r.id}&villageId=${village}`)
    expect(await auditOf(r.id)).toEqual([
      'service.requested',
      'service.accept',
      'service.hand_over',
      'service.receive_result',
      'service.deliver',
    ])
  })

  it('keeps the resident’s photos and the photo of a receipt, seen by her and the desk, not by a neighbour', async () => {
    const upload = async (token: string): Promise<number> => {
      const res = await t.request({
        method: 'POST',
        url: `/api/villages/${village}/uploads`,
        token,
        ...multipart('file', 'photo.png', png(4, 4), 'image/png'),
      })
      expect(res.status).toBe(201)
      return res.body.id as number
    }
    const mine = await upload(resident)
    const r = await apply(resident, { itemCode: 'dilapidated_house', photoIds: [mine] })
    expect(r.photoUrls).toHaveLength(1)
    await step(r.id, grid, { kind: 'accept' })
    const receipt = await upload(grid)
    const handed = await step(r.id, grid, { kind: 'hand_over', receiver: '王站长', photoId: receipt })
    expect(handed.steps.at(-1)!.photoUrl).toEqual(expect.any(String))
    const file = (token: string) => t.request({ method: 'GET', url: `/api/files/${receipt}`, token })
    expect((await file(resident)).status).toBe(200)
    expect((await file(committee)).status).toBe(200)
    expect((await file(neighbour)).status).toBe(404)
    // a photo already attached cannot be attached again
    expectError(
      await post(`${base()}/requests`, resident, { itemCode: 'dilapidated_house', photoIds: [mine] }),
      'SERVICE_PHOTO_INVALID',
    )
  })

  it('lets the desk finish a matter it handles itself, and never hand it over', async () => {
    const r = await apply(resident, { itemCode: 'medical_insurance' })
    await step(r.id, grid, { kind: 'accept' })
    expectError(await handoff(r.id, grid, { kind: 'hand_over', receiver: '某人' }), 'SERVICE_HANDLED_AT_DESK')
    const back = await step(r.id, grid, { kind: 'receive_result' })
    expect(back.steps.at(-1)!.label).toBe('已办好')
  })

  it('refuses a resident or a supervisor at the desk’s steps', async () => {
    const r = await apply(resident, { itemCode: 'temporary_relief' })
    expectError(await handoff(r.id, resident, { kind: 'accept' }), 'SERVICE_NOT_STAFF')
    expectError(await handoff(r.id, supervisor, { kind: 'accept' }), 'SERVICE_NOT_STAFF')
    expectError(
      await post(`${base()}/requests/${r.id}/refuse`, resident, { reason: '不行' }),
      'SERVICE_NOT_STAFF',
    )
    expectError(await get(`${base()}/requests`, resident), 'SERVICE_NOT_STAFF')
    // the supervision committee reads it all the same
    expect((await get(`${base()}/requests/${r.id}`, supervisor)).status).toBe(200)
  })

  it('keeps other villages and other residents out', async () => {
    const r = await apply(resident, { itemCode: 'temporary_relief' })
    expectError(await post(`${base()}/requests`, outsider, { itemCode: 'temporary_relief' }), 'OUT_OF_SCOPE')
    expectError(await handoff(r.id, outsideCommittee, { kind: 'accept' }), 'OUT_OF_SCOPE')
    expectError(await get(`${base()}/requests/${r.id}`, outsider), 'OUT_OF_SCOPE')
    expectError(await get(`${base()}/requests/${r.id}`, neighbour), 'SERVICE_REQUEST_NOT_FOUND')
    expectError(await post(`${base()}/requests/${r.id}/withdraw`, neighbour), 'SERVICE_REQUEST_NOT_FOUND')
    // the same id under the community is not found
    expectError(
      await post(`/api/villages/${community}/services/requests/${r.id}/handoffs`, outsideCommittee, {
        kind: 'accept',
      }),
      'SERVICE_REQUEST_NOT_FOUND',
    )
  })

  it('refuses steps out of order and any step once closed', async () => {
    const r = await apply(resident, { itemCode: 'disability_card' })
    expectError(await handoff(r.id, grid, { kind: 'deliver' }), 'SERVICE_WRONG_STEP')
    expectError(await handoff(r.id, grid, { kind: 'hand_over', receiver: '某人' }), 'SERVICE_WRONG_STEP')
    await step(r.id, grid, { kind: 'accept' })
    expectError(await handoff(r.id, grid, { kind: 'receive_result' }), 'SERVICE_WRONG_STEP')
    expect((await handoff(r.id, grid, { kind: 'hand_over' })).status).toBe(400)
    const refused = await post(`${base()}/requests/${r.id}/refuse`, committee, {
      reason: '户籍不在本县，请到户籍地办理',
    })
    expect(refused.status).toBe(200)
    expect(refused.body).toMatchObject({ state: 'refused', refuseReason: '户籍不在本县，请到户籍地办理' })
    expectError(await handoff(r.id, grid, { kind: 'hand_over', receiver: '某人' }), 'SERVICE_REQUEST_CLOSED')
    expectError(
      await post(`${base()}/requests/${r.id}/refuse`, grid, { reason: '再拒一次' }),
      'SERVICE_REQUEST_CLOSED',
    )
    expect((await inboxOf(resident))[0]!.title).toBe('残疾人证申领：未能办理：户籍不在本县，请到户籍地办理')
    expectError(await handoff(999999, grid, { kind: 'accept' }), 'SERVICE_REQUEST_NOT_FOUND')
  })

  it('files once when the phone sends the same request again after a lost connection', async () => {
    const send = () =>
      t.request({
        method: 'POST',
        url: `${base()}/requests`,
        token: neighbour,
        body: { itemCode: 'pension_enrol' },
        headers: { 'idempotency-key': 'service-retry-0001-abcdef' },
      })
    const first = await send()
    const again = await send()
    expect(first.status).toBe(201)
    expect(again.body.id).toBe(first.body.id)
    const mine = (await get(`${base()}/requests/mine`, neighbour)).body as ServiceRequestSummary[]
    expect(mine.filter((r) => r.itemCode === 'pension_enrol')).toHaveLength(1)
  })

  it('refuses an unknown service and materials it does not list', async () => {
    expectError(
      await post(`${base()}/requests`, resident, { itemCode: 'no_such_service' }),
      'SERVICE_ITEM_NOT_FOUND',
    )
    expectError(
      await post(`${base()}/requests`, resident, { itemCode: 'pension_enrol', materials: ['结婚证'] }),
      'SERVICE_MATERIALS_INVALID',
    )
    expect((await post(`${base()}/requests`, resident, { itemCode: 'Bad Code!' })).status).toBe(400)
  })

  it('refuses someone not yet verified', async () => {
    const newcomer = await t.login('newcomer')
    expectError(await post(`${base()}/requests`, newcomer, { itemCode: 'pension_enrol' }), 'NOT_VERIFIED')
    expectError(await get(`${base()}/requests/mine`, newcomer), 'NOT_VERIFIED')
  })

  it('lets the resident withdraw before the desk takes the papers, never after', async () => {
    const early = await apply(resident, { itemCode: 'one_child_reward' })
    const w = await post(`${base()}/requests/${early.id}/withdraw`, resident)
    expect(w.status).toBe(200)
    expect(w.body).toMatchObject({ state: 'withdrawn', actions: [] })
    expect((w.body as ServiceRequestView).steps.at(-1)!.label).toBe('本人撤回')

    const late = await apply(resident, { itemCode: 'one_child_reward' })
    await step(late.id, grid, { kind: 'accept' })
    expectError(
      await post(`${base()}/requests/${late.id}/withdraw`, resident),
      'SERVICE_WITHDRAW_AFTER_ACCEPT',
    )
    expectError(await post(`${base()}/requests/${early.id}/withdraw`, resident), 'SERVICE_REQUEST_CLOSED')
  })

  it('files for a resident at the desk (代办) with their consent; the request is theirs', async () => {
    const elder = await residentByName(t, '王德福')
    expectError(
      await post(`${base()}/requests`, grid, {
        itemCode: 'elderly_allowance',
        onBehalf: { residentId: elder.id },
      }),
      'PROXY_CONSENT_MISSING',
    )
    expectError(
      await post(`${base()}/requests`, resident, {
        itemCode: 'elderly_allowance',
        onBehalf: { residentId: elder.id, consent: { kind: 'on_device', typedName: '王德福', agreed: true } },
      }),
      'PROXY_FAMILY_NOT_ALLOWED',
    )
    const r = await apply(grid, {
      itemCode: 'elderly_allowance',
      materials: ['居民身份证'],
      onBehalf: { residentId: elder.id, consent: { kind: 'on_device', typedName: '王德福', agreed: true } },
    })
    expect(r).toMatchObject({
      residentName: '王德福',
      proxy: { name: '李明', as: '网格员', consent: 'on_device' },
    })
    expect(r.steps[0]).toMatchObject({ label: '提交申请', byName: '李明', note: '李明（网格员）代为提交' })
    expect(await auditOf(r.id)).toEqual(['service.requested', 'proxy.filed'])
  })

  it('shows the resident her own requests in 我的数据, and no one else’s', async () => {
    const data = (await get('/api/me/data', resident)).body.export
    const services = data.sections.services as { service: string; name: string; steps: unknown[] }[]
    expect(services.map((s) => s.service)).toContain('高龄津贴申领')
    expect(services.every((s) => s.name === '王秀英')).toBe(true)
    // nothing filed for 王德福, who has no account, is in her data
    expect(services.some((s) => s.name === '王德福')).toBe(false)
  })

  it('lets the township add and edit its county’s services, versioned and audited; residents cannot', async () => {
    const cat = `/api/townships/${township}/services/catalogue`
    const item = {
      code: 'farm_subsidy',
      name: '耕地地力保护补贴登记',
      office: '乡镇农业综合服务中心',
      materials: ['户主身份证', '土地承包经营权证'],
      timeLimitDays: 10,
      dayKind: 'calendar',
      handling: 'forward',
    }
    const added = await post(cat, official, item)
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({
      code: 'farm_subsidy',
      version: 1,
      updatedByName: '赵建国',
      active: true,
    })
    expectError(await post(cat, official, item), 'SERVICE_ITEM_EXISTS')
    expectError(await post(cat, resident, item), 'FORBIDDEN')

    const { code: _code, ...fields } = item
    const edited = await put(`${cat}/farm_subsidy`, official, { ...fields, timeLimitDays: 7 })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ version: 2, timeLimitDays: 7 })
    expectError(await put(`${cat}/no_such_item`, official, fields), 'SERVICE_ITEM_NOT_FOUND')
    const trail = await t.ds.query(
      `SELECT action FROM audit_entry WHERE targetType = 'service_catalogue_item' AND targetId = ? ORDER BY chain, link`,
      [`${county}:farm_subsidy`],
    )
    expect(trail.map((r: { action: string }) => r.action)).toEqual([
      'service.catalogue_item_added',
      'service.catalogue_item_edited',
    ])
    const offered = (await get(`${base()}/catalogue`, resident)).body as ServiceItem[]
    expect(offered.find((i) => i.code === 'farm_subsidy')).toMatchObject({
      timeLimitDays: 7,
      dayKind: 'calendar',
    })

    // the system administrator stops it for the county: no longer offered, a request is refused
    const admins = `/api/counties/${county}/services/catalogue`
    const stopped = await put(`${admins}/farm_subsidy`, admin, { ...fields, active: false })
    expect(stopped.body).toMatchObject({ version: 3, active: false, updatedByName: '系统管理员' })
    expectError(await get(`/api/counties/${township}/services/catalogue`, admin), 'ORG_NOT_FOUND')
    expectError(await get(admins, official), 'FORBIDDEN')
    const now = (await get(`${base()}/catalogue`, resident)).body as ServiceItem[]
    expect(now.some((i) => i.code === 'farm_subsidy')).toBe(false)
    expectError(
      await post(`${base()}/requests`, resident, { itemCode: 'farm_subsidy' }),
      'SERVICE_ITEM_STOPPED',
    )
    expect(((await get(cat, official)).body as ServiceItem[]).some((i) => i.code === 'farm_subsidy')).toBe(
      true,
    )
  })

  it('counts per service and village for the township: requested, done, overdue, average days', async () => {
    const stats = `/api/townships/${township}/services/stats`
    expectError(await get(stats, committee), 'FORBIDDEN')
    const row = (s: ServiceStats, code: string) =>
      s.rows.find((r) => r.villageId === village && r.itemCode === code)

    const first = (await get(stats, official)).body as ServiceStats
    // elderly allowance: one done above, one filed for 王德福 still open
    expect(row(first, 'elderly_allowance')).toMatchObject({
      villageName: '柳林村',
      itemName: '高龄津贴申领',
      requested: 2,
      done: 1,
      overdue: 0,
    })
    expect(row(first, 'elderly_allowance')!.averageDays).toBeGreaterThanOrEqual(0)
    expect(row(first, 'one_child_reward')).toMatchObject({ requested: 2, done: 0, overdue: 0 })

    // a request done two days after filing makes the average 2.0
    const r = await apply(neighbour, { itemCode: 'minimum_living' })
    await step(r.id, committee, { kind: 'accept' })
    await step(r.id, committee, { kind: 'hand_over', receiver: '民政专干' })
    t.app.get(Clock).advance(2 * DAY)
    await step(r.id, committee, { kind: 'receive_result' })
    await step(r.id, committee, { kind: 'deliver' })
    // 60 days on, every open request is past its time limit
    t.app.get(Clock).advance(60 * DAY)
    const year = Number(r.submittedAt.slice(0, 4))
    const later = (await get(`${stats}?year=${year}`, official)).body as ServiceStats
    expect(row(later, 'minimum_living')).toMatchObject({ requested: 1, done: 1, overdue: 0, averageDays: 2 })
    expect(row(later, 'elderly_allowance')).toMatchObject({ requested: 2, done: 1, overdue: 1 })
    // one withdrawn, one accepted and open
    expect(row(later, 'one_child_reward')).toMatchObject({ requested: 2, done: 0, overdue: 1 })
    const overdue = (await get(`${base()}/requests?overdue=true`, grid)).body as ServiceRequestSummary[]
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.every((q) => q.overdue)).toBe(true)
    expect(((await get(`${stats}?year=${year - 5}`, official)).body as ServiceStats).rows).toEqual([])
  })
})
