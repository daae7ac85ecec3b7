import {
  DEFAULT_POINTS_RULES,
  type PointsEntryView,
  type PointsHouseholdPick,
  type PointsHouseholdView,
  type PointsOverview,
  type PointsRankingView,
  type PointsRulesView,
  type ShopItemView,
} from '@xiangli/shared'
import { TxService } from '../../src/core/tx/tx.service'
import { AuditService, SYSTEM_ACTOR } from '../../src/core/audit/audit.service'
import { Grievance } from '../../src/modules/grievances/entities/grievance.entity'
import { PointsEntry } from '../../src/modules/points/entities/points-entry.entity'
import { PointsPersonalData } from '../../src/modules/points/points-personal-data.repository'
import { PointsService } from '../../src/modules/points/points.service'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { addAccount, tokenFor } from '../support/factories'
import { expectError } from '../support/http'
import { letPass, serverNow } from '../support/meetings'
import { memberTokens } from '../support/village'
import { openVillagersMeeting } from '../support/villagers-meeting'

const DAY = 86_400_000

describe(`积分制 (points) on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let community: number
  /** 张丽, committee member of 柳林村 */
  let committee: string
  /** 李建华, party secretary of 柳林村 */
  let secretary: string
  /** 王秀英, a resident of 柳林村, household 002 */
  let resident: string
  /** 刘长青, a representative of 柳林村, household 004 */
  let representative: string
  let wangHousehold: number

  const base = (v = village) => `/api/villages/${v}/points`
  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const send = (method: 'POST' | 'PUT', url: string, token: string, body: unknown = {}) =>
    t.request({ method, url, token, body })
  const post = (url: string, token: string, body: unknown = {}) => send('POST', url, token, body)
  const entriesWhere = async (where: string, params: unknown[]) =>
    (await t.ds.query(
      `SELECT id, householdId, residentId, kind, points, sourceType, sourceId, rulesVersion, earnedAt, createdAt, recordedByName
         FROM points_entry WHERE ${where} ORDER BY id`,
      params,
    )) as {
      id: number
      householdId: number
      residentId: number | null
      kind: string
      points: number
      sourceId: number
      rulesVersion: number | null
      earnedAt: string | Date
      createdAt: string | Date
      recordedByName: string
    }[]
  const ms = (d: string | Date) => new Date(d instanceof Date ? d : `${d.replace(' ', 'T')}Z`).getTime()
  const auditActions = async (targetType: string, targetId: number | string) =>
    (
      (await t.ds.query(`SELECT action FROM audit_entry WHERE targetType = ? AND targetId = ? ORDER BY seq`, [
        targetType,
        String(targetId),
      ])) as { action: string }[]
    ).map((r) => r.action)
  const tokenOfName = async (villageId: number, name: string): Promise<string> => {
    const r = await t.ds.getRepository(Resident).findOneByOrFail({ name, villageId })
    let accountId = r.accountId
    if (accountId === null) {
      accountId = (await addAccount(t, { displayName: r.name })).id
      await t.ds.getRepository(Resident).update({ id: r.id }, { accountId })
    }
    return tokenFor(t, accountId)
  }
  const mine = async (token: string) => (await get(`${base()}/mine`, token)).body as PointsHouseholdView

  beforeAll(async () => {
    t = await startTestApp()
    ;({ village, community } = await villageIds(t.ds))
    committee = await t.login('committee')
    secretary = await t.login('secretary')
    resident = await t.login('resident')
    representative = await t.login('representative')
    wangHousehold = (
      await t.ds.getRepository(Resident).findOneByOrFail({ name: '王秀英', villageId: village })
    ).householdId
  })
  afterAll(() => t?.close())

  it('the demo village has published rules, a shop and a household ledger that says what earned each entry', async () => {
    const o = (await get(base(), resident)).body as PointsOverview
    expect(o).toMatchObject({ rules: { version: 1, points: DEFAULT_POINTS_RULES }, committee: false })
    expect(o.myHouseholdId).toBe(wangHousehold)
    const m = await mine(resident)
    expect(m).toMatchObject({ householdId: wangHousehold, code: '002', headName: '王德福', balance: 15 })
    expect(m.entries.map((e) => [e.kind, e.points, e.sourceLabel, e.rulesVersion])).toEqual([
      ['manual', 15, '帮助照看独居老人孙玉兰', 1],
    ])
    const shop = (await get(`${base()}/shop`, resident)).body as ShopItemView[]
    expect(shop.map((i) => [i.name, i.cost])).toEqual([
      ['洗衣粉一袋', 10],
      ['食用油一桶', 30],
      ['电热水壶', 80],
    ])
  })

  it('keeps one household’s ledger from another and the desk’s routes from residents', async () => {
    const other = (await mine(representative)).householdId
    expect(other).not.toBe(wangHousehold)
    expectError(await get(`${base()}/households/${other}`, resident), 'FORBIDDEN')
    expectError(await get(`${base()}/households?q=王`, resident), 'FORBIDDEN')
    expectError(await get(base(village), await t.login('community_resident')), 'OUT_OF_SCOPE')
  })

  describe('published rules', () => {
    it('publishes a new version with its day, audited; the same rules again are refused', async () => {
      expectError(await post(`${base()}/rules`, resident, { points: DEFAULT_POINTS_RULES }), 'FORBIDDEN')
      expectError(
        await post(`${base()}/rules`, committee, { points: DEFAULT_POINTS_RULES }),
        'POINTS_RULES_UNCHANGED',
      )
      expectError(
        await post(`${base()}/rules`, committee, { points: { ...DEFAULT_POINTS_RULES, opinion: 1.5 } }),
        'VALIDATION_FAILED',
      )
      const res = await post(`${base()}/rules`, committee, {
        points: { ...DEFAULT_POINTS_RULES, meeting_attendance: 6 },
      })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({
        version: 2,
        publishedByName: '张丽',
        points: { meeting_attendance: 6 },
      })
      expect(await auditActions('points_rules', 2)).toEqual(['points.rules_published'])
      const history = (await get(`${base()}/rules`, resident)).body as PointsRulesView[]
      expect(history.map((r) => [r.version, r.points.meeting_attendance])).toEqual([
        [2, 6],
        [1, 5],
      ])
    })

    it('never rewrites past entries: they keep the version they were counted under', async () => {
      expect((await mine(resident)).entries.map((e) => [e.points, e.rulesVersion])).toEqual([[15, 1]])
    })
  })

  describe('awards', () => {
    it('a manual award needs a reason, stays under the published cap, names who gave it and is audited', async () => {
      const award = (points: number, reason = '义务修补村道') =>
        post(`${base()}/awards`, committee, { householdId: wangHousehold, points, reason })
      expectError(await award(21), 'POINTS_MANUAL_OVER_CAP')
      expectError(await award(5, ' '), 'VALIDATION_FAILED')
      expectError(
        await post(`${base()}/awards`, committee, { householdId: 999_999, points: 5, reason: '好人好事' }),
        'POINTS_HOUSEHOLD_NOT_FOUND',
      )
      const res = await award(5)
      expect(res.status).toBe(201)
      const e = res.body as PointsEntryView
      expect(e).toMatchObject({
        kind: 'manual',
        points: 5,
        sourceLabel: '义务修补村道',
        recordedByName: '张丽',
      })
      expect(await auditActions('points_entry', e.id)).toEqual(['points.awarded'])
      expect((await mine(resident)).balance).toBe(20)
    })

    it('a community without published rules gives no manual award', async () => {
      const communityCommittee = await tokenOfName(community, '许静')
      const [someone] = await t.ds.query('SELECT householdId FROM resident WHERE villageId = ? LIMIT 1', [
        community,
      ])
      expectError(
        await post(`${base(community)}/awards`, communityCommittee, {
          householdId: Number(someone.householdId),
          points: 5,
          reason: '帮助邻居',
        }),
        'POINTS_NO_RULES',
      )
    })

    it('a meeting awards those who checked in when it ends, all at its end, whatever and whenever they voted', async () => {
      const m = await openVillagersMeeting(t, { token: secretary, villageId: village, ballot: 'secret' })
      // the three meetings before it (signed in on paper) awarded their members at their ends
      const earlier = await entriesWhere(`villageId = ? AND kind = 'meeting_attendance' AND sourceId <> ?`, [
        village,
        m.meetingId,
      ])
      expect(earlier.length).toBeGreaterThan(0)
      expect(
        earlier.every((e) => e.points === 6 && e.rulesVersion === 2 && e.recordedByName === '系统'),
      ).toBe(true)

      const path = `/api/villages/${village}/deliberations/${m.deliberationId}/meetings/${m.meetingId}`
      const voters = m.members.slice(0, 4)
      const tokens = await memberTokens(t, voters)
      for (const token of tokens) expect((await post(`${path}/check-in`, token)).status).toBe(200)
      // they vote one by one, the last on the roster first, yes and no mixed
      for (const [i, token] of [...tokens].reverse().entries()) {
        letPass(t, 60_000)
        expect((await post(`${path}/ballots`, token, { choice: i % 2 ? 'yes' : 'no' })).status).toBe(200)
        // nothing is awarded while the meeting sits, at a check-in or at a ballot
        expect(await entriesWhere('sourceType = ? AND sourceId = ?', ['meeting', m.meetingId])).toEqual([])
      }
      letPass(t, 60_000)
      const closed = await post(`${path}/close`, secretary, { counted: { yes: 0, no: 0, abstain: 0 } })
      expect(closed.status).toBe(200)

      const rows = await entriesWhere('sourceType = ? AND sourceId = ?', ['meeting', m.meetingId])
      // exactly those present, once each, in roster order (never in the order they voted)
      expect(rows.map((r) => Number(r.residentId))).toEqual(
        voters.map((v) => v.residentId).sort((a, b) => a - b),
      )
      expect(new Set(rows.map((r) => r.points))).toEqual(new Set([6]))
      const [result] = await t.ds.query(
        'SELECT closedAt FROM deliberation_meeting_result WHERE meetingId = ?',
        [m.meetingId],
      )
      // one moment for everyone: the meeting's end, after every ballot
      expect(new Set(rows.map((r) => ms(r.earnedAt)))).toEqual(
        new Set([Math.floor(ms(result.closedAt) / 1000) * 1000]),
      )
      // the row has no field a ballot could be read from
      const columns = Object.keys((await t.ds.query('SELECT * FROM points_entry LIMIT 1'))[0])
      expect(columns.filter((c) => /choice|ballot|vote/i.test(c))).toEqual([])
      const audit = await t.ds.query(
        `SELECT action, afterDigest FROM audit_entry WHERE targetType = 'meeting' AND targetId = ?`,
        [String(m.meetingId)],
      )
      expect(audit).toEqual([
        { action: 'points.awarded', afterDigest: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ])
    })

    it('an opinion window awards each person who gave an opinion once, when the committee closes it', async () => {
      const communityCommittee = await tokenOfName(community, '许静')
      const rules = await post(`${base(community)}/rules`, communityCommittee, {
        points: DEFAULT_POINTS_RULES,
      })
      expect(rules.status).toBe(201)
      const d = `/api/villages/${community}/deliberations`
      const created = await post(d, communityCommittee, {
        title: '小区停车位划线',
        content: '拟在小区内划定停车位，征求居民意见。',
        matterType: 'ordinary',
        source: { kind: 'cadre' },
      })
      expect(created.status).toBe(201)
      const id = created.body.id
      const closesAt = new Date(Math.floor((serverNow(t).getTime() + 6 * DAY) / 1000) * 1000).toISOString()
      const opened = await post(`${d}/${id}/solicitation`, communityCommittee, { step: 'solicit', closesAt })
      expect(opened.status).toBe(200)
      const cao = await t.login('community_resident')
      const peng = await tokenOfName(community, '彭飞')
      for (const [token, text] of [
        [cao, '支持划线'],
        [cao, '还要留出消防通道'],
        [peng, '电动车也要有地方停'],
      ] as const)
        expect((await post(`${d}/${id}/opinions`, token, { text })).status).toBe(201)
      // the window's days go by
      letPass(t, 7 * DAY)
      expect(await entriesWhere(`sourceType = 'opinion_window' AND sourceId = ?`, [id])).toEqual([])
      const summary = await post(`${d}/${id}/solicitation/summary`, communityCommittee, {
        step: 'solicit',
        text: '大家支持划线，要留消防通道和电动车位。',
      })
      expect(summary.status).toBe(200)
      const rows = await entriesWhere(`sourceType = 'opinion_window' AND sourceId = ?`, [id])
      const names = await t.ds.query(
        `SELECT name FROM resident WHERE id IN (${rows.map((r) => Number(r.residentId)).join(',')}) ORDER BY name`,
      )
      expect(names.map((n: { name: string }) => n.name).sort()).toEqual(['彭飞', '曹丽娟'].sort())
      expect(rows.every((r) => r.points === 3 && r.kind === 'opinion')).toBe(true)
      expect(new Set(rows.map((r) => ms(r.earnedAt)))).toEqual(new Set([new Date(closesAt).getTime()]))
    })

    it('an answered issue marked useful earns its raiser’s household once; an unanswered one is refused', async () => {
      const closed = await t.ds
        .getRepository(Grievance)
        .findOneByOrFail({ villageId: village, state: 'closed' })
      const open = await t.ds
        .getRepository(Grievance)
        .findOneByOrFail({ villageId: village, state: 'assigned' })
      expect((await get(`${base()}/issues/${closed.id}`, committee)).body).toEqual({
        grievanceId: closed.id,
        markedUseful: false,
        points: null,
      })
      expectError(await post(`${base()}/issues/${closed.id}/useful`, resident), 'FORBIDDEN')
      expectError(await post(`${base()}/issues/${open.id}/useful`, committee), 'POINTS_ISSUE_NOT_ANSWERED')
      const res = await post(`${base()}/issues/${closed.id}/useful`, committee)
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ grievanceId: closed.id, markedUseful: true, points: 10 })
      expectError(await post(`${base()}/issues/${closed.id}/useful`, committee), 'POINTS_ALREADY_AWARDED')
      const rows = await entriesWhere(`sourceType = 'grievance' AND sourceId = ?`, [closed.id])
      expect(rows.map((r) => [r.householdId, r.points])).toEqual([[wangHousehold, 10]])
      const m = await mine(resident)
      expect(m.entries[0]).toMatchObject({ kind: 'useful_issue', sourceLabel: `村民说事：${closed.title}` })
    })

    it('PointsService.awardIn awards volunteering per hour and answers a second call with the same entry', async () => {
      const points = t.app.get(PointsService)
      const award = () =>
        t.app.get(TxService).run((m) =>
          points.awardIn(m, {
            villageId: village,
            householdId: wangHousehold,
            residentId: null,
            personName: '王秀英',
            kind: 'volunteering',
            sourceType: 'activity',
            sourceId: 77,
            sourceLabel: '志愿服务：清理河道',
            hours: 3,
            earnedAt: new Date(),
            actor: SYSTEM_ACTOR,
            system: true,
          }),
        )
      const first = await award()
      const second = await award()
      expect(first).toMatchObject({ created: true, entry: { points: 6 } })
      expect(second).toMatchObject({ created: false, entry: { id: first!.entry.id } })
      expect(await entriesWhere(`sourceType = 'activity' AND sourceId = 77`, [])).toHaveLength(1)
    })
  })

  describe('the points shop', () => {
    let soap: ShopItemView
    it('the 两委 stock an item (audited); residents may not', async () => {
      expectError(await post(`${base()}/shop`, resident, { name: '肥皂', cost: 12, stock: 1 }), 'FORBIDDEN')
      const res = await post(`${base()}/shop`, committee, { name: '肥皂', cost: 12, stock: 1 })
      expect(res.status).toBe(201)
      soap = res.body
      expect(soap).toMatchObject({ name: '肥皂', cost: 12, stock: 1, active: true })
      expect(await auditActions('points_shop_item', soap.id)).toEqual(['points.item_added'])
    })

    it('staff find the household at the desk by a name or its 户号', async () => {
      const byName = (await get(`${base()}/households?q=${encodeURIComponent('王秀英')}`, committee))
        .body as PointsHouseholdPick[]
      expect(byName.map((h) => [h.householdId, h.code, h.headName, h.matchedName])).toEqual([
        [wangHousehold, '002', '王德福', '王秀英'],
      ])
      const byCode = (await get(`${base()}/households?q=002`, committee)).body as PointsHouseholdPick[]
      expect(byCode.map((h) => h.householdId)).toEqual([wangHousehold])
    })

    it('records a redemption at the desk, never past the balance or the stock', async () => {
      const before = (await mine(resident)).balance
      const redeem = (itemId: number, householdId = wangHousehold) =>
        post(`${base()}/redemptions`, committee, { householdId, itemId })
      const res = await redeem(soap.id)
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({
        kind: 'redemption',
        points: -12,
        sourceLabel: '肥皂',
        recordedByName: '张丽',
      })
      expect(await auditActions('points_entry', res.body.id)).toEqual(['points.redeemed'])
      expect((await mine(resident)).balance).toBe(before - 12)
      expectError(await redeem(soap.id), 'POINTS_OUT_OF_STOCK')
      const kettle = ((await get(`${base()}/shop`, resident)).body as ShopItemView[]).find(
        (i) => i.name === '电热水壶',
      )!
      expectError(await redeem(kettle.id), 'POINTS_BALANCE_SHORT')
      const off = await send('PUT', `${base()}/shop/${kettle.id}`, committee, { stock: 2, active: false })
      expect(off.body).toMatchObject({ active: false })
      expectError(await redeem(kettle.id), 'POINTS_ITEM_UNAVAILABLE')
      expectError(await redeem(soap.id, 999_999), 'POINTS_HOUSEHOLD_NOT_FOUND')
      expect((await mine(resident)).balance).toBe(before - 12)
    })
  })

  describe('the ledger against the audit chain', () => {
    it('lets the audit verifier find an entry changed, added or removed behind the app’s back', async () => {
      const audit = t.app.get(AuditService)
      expect(await audit.verify()).toMatchObject({ ok: true })
      const [manual] = await entriesWhere(`villageId = ? AND kind = 'manual'`, [village])
      await t.ds.query('UPDATE points_entry SET points = 500 WHERE id = ?', [manual!.id])
      try {
        const result = await audit.verify()
        expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('可能被改过') })
      } finally {
        await t.ds.query('UPDATE points_entry SET points = ? WHERE id = ?', [manual!.points, manual!.id])
      }
      const [meeting] = await entriesWhere(`villageId = ? AND kind = 'meeting_attendance'`, [village])
      await t.ds.query('UPDATE points_entry SET householdId = ? WHERE id = ?', [wangHousehold, meeting!.id])
      try {
        expect(await audit.verify()).toMatchObject({
          ok: false,
          problem: expect.stringContaining('meeting:'),
        })
      } finally {
        await t.ds.query('UPDATE points_entry SET householdId = ? WHERE id = ?', [
          meeting!.householdId,
          meeting!.id,
        ])
      }
      await t.ds.getRepository(PointsEntry).insert({
        villageId: village,
        householdId: wangHousehold,
        residentId: null,
        personName: null,
        kind: 'manual',
        points: 99,
        sourceType: 'manual',
        sourceId: 1,
        sourceLabel: '私自加的',
        sourceKey: 'manual:forged',
        rulesVersion: 2,
        earnedAt: new Date(),
        recordedByAccountId: 1,
        recordedByName: '张丽',
      })
      try {
        expect(await audit.verify()).toMatchObject({
          ok: false,
          problem: expect.stringContaining('私自添加'),
        })
      } finally {
        await t.ds.query(`DELETE FROM points_entry WHERE sourceKey = 'manual:forged'`)
      }
      expect(await audit.verify()).toMatchObject({ ok: true })
    })
  })

  describe('我的数据', () => {
    it('shows a person the points their own taking part earned, and a deletion keeps the entries without the name', async () => {
      const liu = await t.ds.getRepository(Resident).findOneByOrFail({ name: '刘长青', villageId: village })
      const held = await entriesWhere('residentId = ?', [liu.id])
      expect(held.length).toBeGreaterThan(0)
      const data = (await get('/api/me/data', representative)).body.export
      expect(data.sections.points).toHaveLength(held.length)
      expect(data.sections.points[0]).toMatchObject({ name: '刘长青', kind: 'meeting_attendance' })
      // the section is in the deletion too; run here straight, as the administrator's processing does
      const outcome = await t.app
        .get(TxService)
        .run((m) =>
          t.app.get(PointsPersonalData).erase(m, { accountId: liu.accountId!, residentIds: [liu.id] }),
        )
      expect(outcome).toMatchObject({ section: 'points', erased: 0, kept: held.length })
      const after = await t.ds.query('SELECT DISTINCT personName FROM points_entry WHERE residentId = ?', [
        liu.id,
      ])
      expect(after).toEqual([{ personName: '已注销用户' }])
      // the name is not part of what the chain vouches for: the ledger still verifies
      expect(await t.app.get(AuditService).verify()).toMatchObject({ ok: true })
    })
  })

  describe('the ranking', () => {
    it('shows households by points earned with masked heads’ names only while the village has it on', async () => {
      const on = (await get(`${base()}/ranking`, resident)).body as PointsRankingView
      expect(on.enabled).toBe(true)
      const wang = on.rows.find((r) => r.householdId === wangHousehold)!
      expect(wang.name).toBe('王*福')
      // redemptions do not lower a household's place: the ranking counts points earned
      expect(wang.points).toBe(
        (await mine(resident)).entries.filter((e) => e.points > 0).reduce((s, e) => s + e.points, 0),
      )
      expect(on.rows.every((r, i) => i === 0 || on.rows[i - 1]!.points >= r.points)).toBe(true)
      expect(JSON.stringify(on)).not.toMatch(/王德福|王秀英/)

      expectError(await send('PUT', `${base()}/settings`, resident, { rankingPublic: false }), 'FORBIDDEN')
      const off = await send('PUT', `${base()}/settings`, committee, { rankingPublic: false })
      expect(off.body).toMatchObject({ rankingPublic: false })
      expect(await auditActions('points_settings', village)).toEqual(['points.settings_changed'])
      expect((await get(`${base()}/ranking`, resident)).body).toEqual({ enabled: false, rows: [] })
    })

    it('is off in a village that never turned it on', async () => {
      const cao = await t.login('community_resident')
      expect((await get(`${base(community)}/ranking`, cao)).body).toEqual({ enabled: false, rows: [] })
    })
  })
})
