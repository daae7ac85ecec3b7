import type {
  ActivityCheckInCode,
  ActivityRoster,
  ActivitySummary,
  ActivityView,
  MyVolunteerHours,
  VillageVolunteerHours,
} from '@xiangli/shared'
import { Clock } from '../../src/core/clock/clock'
import { AppException } from '../../src/core/errors/app.exception'
import { ActivitiesService } from '../../src/modules/activities/activities.service'
import { CheckInCodes } from '../../src/modules/activities/check-in-codes'
import { expectError } from '../support/http'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

const HOUR = 3_600_000
const MIN = 60_000

describe(`活动 / 志愿服务 (activities) on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  /** 张丽, committee member of 柳林村 */
  let committee: string
  /** 王秀英, 刘长青, 罗振华: residents of 柳林村 */
  let residents: string[]
  /** 曹丽娟, a resident of 新华社区 */
  let outsider: string
  /** 刘小满, signed in but not yet verified */
  let newcomer: string

  const base = () => `/api/villages/${village}/activities`
  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const clock = () => t.app.get(Clock)
  const at = (ms: number) => new Date(clock().nowMs() + ms).toISOString()
  /** starts in two days at a whole hour, lasts three hours; sign-up closes a day before */
  const plan = (over: Record<string, unknown> = {}) => {
    const start = Math.ceil((clock().nowMs() + 48 * HOUR) / HOUR) * HOUR
    return {
      title: '清理村口小河',
      description: '带上手套，垃圾袋村里准备。',
      place: '村口小河桥头',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3 * HOUR).toISOString(),
      signUpDeadline: new Date(start - 24 * HOUR).toISOString(),
      capacity: 3,
      volunteering: true,
      plannedHours: 2.5,
      ...over,
    }
  }
  const create = async (over: Record<string, unknown> = {}): Promise<ActivityView> => {
    const res = await post(base(), committee, plan(over))
    expect(res.status).toBe(201)
    return res.body as ActivityView
  }
  const passTo = (iso: string, plusMs = 0) => {
    const ms = Date.parse(iso) + plusMs - clock().nowMs()
    if (ms > 0) clock().advance(ms)
  }
  const code = async (id: number) => {
    const res = await get(`${base()}/${id}/check-in-code`, committee)
    expect(res.status).toBe(200)
    return res.body as ActivityCheckInCode
  }
  const roster = async (id: number) =>
    (await get(`${base()}/${id}/sign-ups`, committee)).body as ActivityRoster
  const auditOf = async (id: number) =>
    (
      await t.ds.query(
        `SELECT action FROM audit_entry WHERE targetType = 'activity' AND targetId = ? ORDER BY seq`,
        [String(id)],
      )
    ).map((r: { action: string }) => r.action)

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    committee = await t.login('committee')
    residents = [await t.login('resident'), await t.login('representative'), await t.login('group_leader')]
    outsider = await t.login('community_resident')
    newcomer = await t.login('newcomer')
  })
  afterAll(() => t?.close())

  it('the demo village has a past volunteering activity with hours and one coming with sign-ups', async () => {
    const list = (await get(base(), residents[0]!)).body as ActivitySummary[]
    expect(list.map((a) => [a.title, a.state, a.taken])).toEqual([
      ['清理村口小河垃圾', 'published', 2],
      ['重阳节陪老人包饺子', 'closed', 3],
    ])
    const liu = (await get(`/api/villages/${village}/volunteer-hours/mine`, residents[1]!))
      .body as MyVolunteerHours
    expect(liu).toMatchObject({ totalHalfHours: 4, entries: [{ title: '重阳节陪老人包饺子', halfHours: 4 }] })
    const all = (await get(`/api/villages/${village}/volunteer-hours`, committee))
      .body as VillageVolunteerHours
    expect(all.people.map((p) => [p.name, p.totalHalfHours])).toEqual([
      ['刘长青', 4],
      ['罗振华', 3],
    ])
  })

  it('the committee publishes an activity, audited; residents see it with places left', async () => {
    const a = await create()
    expect(a).toMatchObject({
      state: 'published',
      taken: 0,
      capacity: 3,
      plannedHalfHours: 5,
      mayCancel: true,
    })
    expect(await auditOf(a.id)).toEqual(['activity.published'])
    const seen = (await get(`${base()}/${a.id}`, residents[0]!)).body as ActivityView
    expect(seen).toMatchObject({ maySignUp: true, mayManage: false, mayCheckIn: false })
    const list = (await get(base(), residents[0]!)).body as ActivitySummary[]
    expect(list.map((x) => x.id)).toContain(a.id)
  })

  it('refuses a resident publishing and plans that cannot happen', async () => {
    expectError(await post(base(), residents[0]!, plan()), 'FORBIDDEN')
    expectError(await post(base(), committee, plan({ startsAt: at(-HOUR) })), 'ACTIVITY_START_IN_PAST')
    expectError(await post(base(), committee, plan({ plannedHours: 3.5 })), 'ACTIVITY_HOURS_INVALID')
    expectError(await post(base(), committee, plan({ plannedHours: 1.2 })), 'ACTIVITY_HOURS_INVALID')
    expectError(
      await post(base(), committee, plan({ signUpDeadline: at(72 * HOUR) })),
      'ACTIVITY_DEADLINE_INVALID',
    )
    expect((await post(base(), committee, plan({ title: '' }))).status).toBe(400)
  })

  it('keeps a draft from residents until it is published', async () => {
    const d = await create({ publish: false })
    expect(d.state).toBe('draft')
    expectError(await get(`${base()}/${d.id}`, residents[0]!), 'NOT_FOUND')
    expectError(await post(`${base()}/${d.id}/sign-ups`, residents[0]!), 'NOT_FOUND')
    expect(((await get(base(), residents[0]!)).body as ActivitySummary[]).map((x) => x.id)).not.toContain(
      d.id,
    )
    const p = (await post(`${base()}/${d.id}/publish`, committee)).body as ActivityView
    expect(p.state).toBe('published')
    expectError(await post(`${base()}/${d.id}/publish`, committee), 'ACTIVITY_NOT_DRAFT')
    expect(await auditOf(d.id)).toEqual(['activity.drafted', 'activity.published'])
  })

  it('signs residents up to capacity, once each; a place freed by withdrawing goes to the next', async () => {
    const a = await create({ capacity: 2 })
    const up = (i: number) => post(`${base()}/${a.id}/sign-ups`, residents[i]!)
    expect(((await up(0)).body as ActivityView).signedUpByMe).toBe(true)
    expectError(await up(0), 'ACTIVITY_ALREADY_SIGNED_UP')
    expect(((await up(1)).body as ActivityView).taken).toBe(2)
    expectError(await up(2), 'ACTIVITY_FULL')
    expectError(await post(`${base()}/${a.id}/sign-ups`, outsider), 'OUT_OF_SCOPE')
    expectError(await post(`${base()}/${a.id}/sign-ups`, newcomer), 'NOT_VERIFIED')
    const out = (await post(`${base()}/${a.id}/sign-ups/withdraw`, residents[1]!)).body as ActivityView
    expect(out).toMatchObject({ signedUpByMe: false, taken: 1 })
    expectError(await post(`${base()}/${a.id}/sign-ups/withdraw`, residents[1]!), 'ACTIVITY_NOT_SIGNED_UP')
    expect(((await up(2)).body as ActivityView).taken).toBe(2)
    expect((await roster(a.id)).attendees.map((x) => x.name)).toEqual(['王秀英', '罗振华'])
  })

  it('gives the last place to one of two residents tapping at once', async () => {
    const a = await create({ capacity: 1 })
    const both = await Promise.all([1, 2].map((i) => post(`${base()}/${a.id}/sign-ups`, residents[i]!)))
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    expectError(
      both.find((r) => r.status === 409)!,
      'ACTIVITY_FULL',
    )
    expect((await roster(a.id)).attendees).toHaveLength(1)
  })

  it('credits no hours for an activity that is not volunteering', async () => {
    const a = await create({ volunteering: false, plannedHours: 0 })
    await post(`${base()}/${a.id}/sign-ups`, residents[0]!)
    passTo(a.startsAt)
    await post(`${base()}/${a.id}/check-ins`, residents[0]!, { token: (await code(a.id)).token })
    passTo(a.endsAt)
    const [who] = (await roster(a.id)).attendees
    expect((await get(`${base()}/${a.id}`, committee)).body).toMatchObject({
      state: 'held',
      mayRecordHours: false,
    })
    expectError(
      await post(`${base()}/${a.id}/hours`, committee, {
        entries: [{ residentId: who!.residentId, hours: 1 }],
      }),
      'ACTIVITY_NOT_VOLUNTEERING',
    )
  })

  it('closes sign-up at the deadline: no new sign-ups and no withdrawing', async () => {
    const a = await create()
    await post(`${base()}/${a.id}/sign-ups`, residents[0]!)
    passTo(a.signUpDeadline)
    expectError(await post(`${base()}/${a.id}/sign-ups`, residents[1]!), 'ACTIVITY_SIGNUP_CLOSED')
    expectError(await post(`${base()}/${a.id}/sign-ups/withdraw`, residents[0]!), 'ACTIVITY_SIGNUP_CLOSED')
    expect(((await get(`${base()}/${a.id}`, residents[0]!)).body as ActivityView).state).toBe('signup_closed')
  })

  it('checks in by the QR code in its window; refuses it expired, forged, from another activity or twice', async () => {
    const a = await create({ capacity: 2 })
    const other = await create()
    await post(`${base()}/${a.id}/sign-ups`, residents[0]!)
    const checkIn = (token: string, who = residents[0]!, id = a.id) =>
      post(`${base()}/${id}/check-ins`, who, { token })

    expectError(await checkIn((await code(a.id)).token), 'ACTIVITY_CHECKIN_NOT_YET')
    passTo(a.startsAt, -20 * MIN)
    const c = await code(a.id)
    expect(c.url).toContain(
      `/#/subpackages/activity/pages/check-in/index?villageId=${village}&id=${a.id}&token=`,
    )
    expect(c.qrImage).toMatch(/^data:image\/svg\+xml;base64,/)

    const [w, mac] = c.token.split('.') as [string, string]
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A')
    expectError(await checkIn(`${w}.${flipped}`), 'ACTIVITY_CHECKIN_CODE_INVALID')
    expectError(await checkIn('nonsense'), 'ACTIVITY_CHECKIN_CODE_INVALID')
    expectError(await checkIn((await code(other.id)).token), 'ACTIVITY_CHECKIN_CODE_INVALID')
    const future = t.app.get(CheckInCodes).issue(a.id, clock().nowMs() + 2 * MIN).token
    expectError(await checkIn(future), 'ACTIVITY_CHECKIN_CODE_INVALID')

    clock().advance(30_000) // the window after still takes the code shown just before
    const done = await checkIn(c.token)
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ walkIn: false, title: '清理村口小河' })
    expectError(await checkIn((await code(a.id)).token), 'ACTIVITY_ALREADY_CHECKED_IN')

    const old = await code(a.id)
    clock().advance(61_000)
    expectError(await checkIn(old.token, residents[1]!), 'ACTIVITY_CHECKIN_CODE_EXPIRED')

    // not signed up: a walk-in while places are left, then full
    const walk = await checkIn((await code(a.id)).token, residents[1]!)
    expect(walk.body).toMatchObject({ walkIn: true })
    expectError(await checkIn((await code(a.id)).token, residents[2]!), 'ACTIVITY_FULL')
    expectError(await checkIn((await code(a.id)).token, outsider), 'OUT_OF_SCOPE')

    const r = await roster(a.id)
    expect(r.attendees.map((x) => [x.name, x.walkIn, x.checkInMethod])).toEqual([
      ['王秀英', false, 'qr'],
      ['刘长青', true, 'qr'],
    ])
    expect(r.activity.checkedIn).toBe(2)
    const rows = await t.ds.query(`SELECT COUNT(*) AS n FROM activity_check_in WHERE activityId = ?`, [a.id])
    expect(Number(rows[0].n)).toBe(2)

    passTo(a.endsAt)
    expectError(await checkIn((await code(a.id)).token, residents[2]!), 'ACTIVITY_CHECKIN_OVER')
  })

  it('lets the organiser check in someone on the list by hand, recorded and audited as such', async () => {
    const a = await create()
    await post(`${base()}/${a.id}/sign-ups`, residents[2]!)
    const id = (await roster(a.id)).attendees[0]!.residentId
    passTo(a.startsAt)
    const res = await post(`${base()}/${a.id}/check-ins/by-hand`, committee, { residentId: id })
    expect(res.status).toBe(200)
    const row = (res.body as ActivityRoster).attendees[0]!
    expect(row).toMatchObject({ name: '罗振华', checkInMethod: 'hand', checkedInByName: '张丽' })
    expectError(
      await post(`${base()}/${a.id}/check-ins/by-hand`, committee, { residentId: id }),
      'ACTIVITY_ALREADY_CHECKED_IN',
    )
    expectError(
      await post(`${base()}/${a.id}/check-ins/by-hand`, committee, { residentId: id + 100000 }),
      'ACTIVITY_NOT_AN_ATTENDEE',
    )
    expectError(
      await post(`${base()}/${a.id}/check-ins/by-hand`, residents[0]!, { residentId: id }),
      'FORBIDDEN',
    )
    expect(await auditOf(a.id)).toEqual(['activity.published', 'activity.checked_in_by_hand'])
  })

  it('records hours after the activity, capped at its length, once per attendee, and totals them', async () => {
    const before = (await get(`/api/villages/${village}/volunteer-hours/mine`, residents[0]!))
      .body as MyVolunteerHours
    const a = await create()
    for (const i of [0, 1, 2]) await post(`${base()}/${a.id}/sign-ups`, residents[i]!)
    passTo(a.startsAt)
    for (const i of [0, 1])
      await post(`${base()}/${a.id}/check-ins`, residents[i]!, { token: (await code(a.id)).token })
    const list = await roster(a.id)
    const [wang, liu, luo] = list.attendees.map((x) => x.residentId) as [number, number, number]
    expect(list).toMatchObject({ defaultHalfHours: 5, maxHalfHours: 6 })
    const hours = (entries: { residentId: number; hours: number }[]) =>
      post(`${base()}/${a.id}/hours`, committee, { entries })

    expectError(await hours([{ residentId: wang, hours: 2.5 }]), 'ACTIVITY_NOT_HELD')
    passTo(a.endsAt)
    expectError(await hours([{ residentId: wang, hours: 3.5 }]), 'ACTIVITY_HOURS_INVALID')
    expectError(await hours([{ residentId: wang, hours: 1.2 }]), 'ACTIVITY_HOURS_INVALID')
    expectError(await hours([{ residentId: luo, hours: 2 }]), 'ACTIVITY_NOT_AN_ATTENDEE')
    expectError(
      await hours([
        { residentId: wang, hours: 2 },
        { residentId: wang, hours: 2 },
      ]),
      'ACTIVITY_HOURS_ALREADY_RECORDED',
    )
    const res = await hours([
      { residentId: wang, hours: 3 },
      { residentId: liu, hours: 2.5 },
    ])
    expect(res.status).toBe(200)
    expect((res.body as ActivityRoster).attendees.map((x) => x.halfHours)).toEqual([6, 5, null])
    expectError(await hours([{ residentId: wang, hours: 1 }]), 'ACTIVITY_HOURS_ALREADY_RECORDED')

    const mine = (await get(`/api/villages/${village}/volunteer-hours/mine`, residents[0]!))
      .body as MyVolunteerHours
    expect(mine.totalHalfHours).toBe(before.totalHalfHours + 6)
    expect(mine.entries[0]).toMatchObject({ activityId: a.id, title: '清理村口小河', halfHours: 6 })
    const detail = (await get(`${base()}/${a.id}`, residents[0]!)).body as ActivityView
    expect(detail).toMatchObject({ state: 'held', myHalfHours: 6 })

    const all = (await get(`/api/villages/${village}/volunteer-hours`, committee))
      .body as VillageVolunteerHours
    const of = (id: number) => all.people.find((p) => p.residentId === id)
    expect(of(wang)).toMatchObject({ name: '王秀英', totalHalfHours: mine.totalHalfHours })
    expect(all.totalHalfHours).toBe(all.people.reduce((n, p) => n + p.totalHalfHours, 0))
    expectError(await get(`/api/villages/${village}/volunteer-hours`, residents[0]!), 'FORBIDDEN')

    const ledger = await t.ds.query(
      `SELECT source, halfHours FROM volunteer_hours WHERE activityId = ? ORDER BY id`,
      [a.id],
    )
    expect(ledger.map((r: { source: string; halfHours: number }) => [r.source, Number(r.halfHours)])).toEqual(
      [
        ['activity', 6],
        ['activity', 5],
      ],
    )
    expect(await auditOf(a.id)).toEqual(['activity.published', 'activity.hours_recorded'])
    // 积分制: the village's volunteering rule per whole hour, to each volunteer's household, once
    const points = await t.ds.query(
      `SELECT residentId, kind, points FROM points_entry WHERE sourceType = 'activity' AND sourceId = ? ORDER BY residentId`,
      [a.id],
    )
    const of2 = (id: number) => points.find((r: { residentId: number }) => Number(r.residentId) === id)
    expect(points).toHaveLength(2)
    expect(of2(wang).kind).toBe('volunteering')
    const perHour = Number(of2(wang).points) / 3
    expect(perHour).toBeGreaterThan(0)
    // 2.5 hours earn two hours' points: the half hour left over earns nothing
    expect(Number(of2(liu).points)).toBe(perHour * 2)
    const closed = (await post(`${base()}/${a.id}/close`, committee)).body as ActivityView
    expect(closed.state).toBe('closed')
    expectError(await hours([{ residentId: liu, hours: 1 }]), 'ACTIVITY_NOT_HELD')
  })

  it('tells a subscriber of every credit inside the same transaction: its refusal undoes the ledger row', async () => {
    const heard: { residentId: number; hours: number }[] = []
    t.app.get(ActivitiesService).subscribe({
      async afterHoursRecorded(m, h) {
        const rows = await m.query(`SELECT COUNT(*) AS n FROM volunteer_hours WHERE activityId = ?`, [
          h.activityId,
        ])
        heard.push({ residentId: h.residentId, hours: h.hours })
        if (Number(rows[0].n) > 1) throw new AppException('ACTIVITY_CHANGED')
      },
    })
    const a = await create()
    for (const i of [0, 1]) await post(`${base()}/${a.id}/sign-ups`, residents[i]!)
    passTo(a.startsAt)
    for (const i of [0, 1])
      await post(`${base()}/${a.id}/check-ins`, residents[i]!, { token: (await code(a.id)).token })
    passTo(a.endsAt)
    const ids = (await roster(a.id)).attendees.map((x) => x.residentId)
    const res = await post(`${base()}/${a.id}/hours`, committee, {
      entries: ids.map((residentId) => ({ residentId, hours: 2 })),
    })
    expectError(res, 'ACTIVITY_CHANGED')
    expect(heard).toEqual(ids.map((residentId) => ({ residentId, hours: 2 })))
    const rows = await t.ds.query(`SELECT COUNT(*) AS n FROM volunteer_hours WHERE activityId = ?`, [a.id])
    expect(Number(rows[0].n)).toBe(0)
    // one at a time the subscriber agrees, and hears it in hours
    heard.length = 0
    expect(
      (await post(`${base()}/${a.id}/hours`, committee, { entries: [{ residentId: ids[0], hours: 1.5 }] }))
        .status,
    ).toBe(200)
    expect(heard).toEqual([{ residentId: ids[0], hours: 1.5 }])
  })

  it('cancels with a reason before it is held, and refuses sign-ups after', async () => {
    const a = await create()
    expect((await post(`${base()}/${a.id}/cancel`, committee, { reason: '' })).status).toBe(400)
    const c = (await post(`${base()}/${a.id}/cancel`, committee, { reason: '天气预报有大雨，改期再通知' }))
      .body as ActivityView
    expect(c).toMatchObject({
      state: 'cancelled',
      cancelReason: '天气预报有大雨，改期再通知',
      maySignUp: false,
    })
    expectError(await post(`${base()}/${a.id}/sign-ups`, residents[0]!), 'ACTIVITY_NOT_OPEN')
    expectError(
      await post(`${base()}/${a.id}/cancel`, committee, { reason: '再取消' }),
      'ACTIVITY_CANNOT_CANCEL',
    )
    expectError(await get(`${base()}/${a.id}/check-in-code`, committee), 'ACTIVITY_NOT_OPEN')
    expect(await auditOf(a.id)).toEqual(['activity.published', 'activity.cancelled'])
  })
})
