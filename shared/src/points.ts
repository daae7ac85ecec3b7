import { z } from 'zod'
import { maskName } from './identity'
import type { IsoDate } from './notice'

/**
 * 积分制: a points ledger per household. The 两委 publish what each kind of taking part earns; every
 * entry says what earned it (the meeting, the opinion window, the issue, the activity, the shop item)
 * and under which published rules. Nothing here looks at a ballot: attending a meeting earns the
 * same points at the same moment for everyone who checked in, however they voted.
 */

export const POINTS_RULE_KINDS = [
  'meeting_attendance',
  'opinion',
  'useful_issue',
  'volunteering',
  'manual',
] as const
export type PointsRuleKind = (typeof POINTS_RULE_KINDS)[number]

/** What a ledger entry can be: an award of one of the rule kinds, or a redemption at the shop. */
export const POINTS_ENTRY_KINDS = [...POINTS_RULE_KINDS, 'redemption'] as const
export type PointsEntryKind = (typeof POINTS_ENTRY_KINDS)[number]

export const POINTS_KIND_LABELS: Record<PointsEntryKind, string> = {
  meeting_attendance: '参加会议',
  opinion: '提出意见（一征）',
  useful_issue: '反映的问题有用',
  volunteering: '志愿服务',
  manual: '两委奖励',
  redemption: '积分兑换',
}

/** What each rule earns, said to residents next to its points. */
export const POINTS_RULE_EXPLAINED: Record<PointsRuleKind, string> = {
  meeting_attendance: '会议结束时，每位签到参会的人得这些分，和怎么投票无关',
  opinion: '征求意见结束后，每位提过意见的人得一次，提几条都一样',
  useful_issue: '反映的问题答复后，两委认定有用的，反映人得这些分',
  volunteering: '参加志愿服务，每小时得这些分',
  manual: '两委奖励一次最多给这么多分，必须写明理由',
}

export const POINTS_LIMITS = {
  /** the most one rule may give (per award, per hour of volunteering, or a manual award's cap) */
  maxPerRule: 100,
  maxHours: 24,
  reason: 100,
  itemName: 30,
  maxCost: 100_000,
  maxStock: 9_999,
  maxQuantity: 10,
} as const

/** What a village starts from when the 两委 first open the rules form; nothing is earned until published. */
export const DEFAULT_POINTS_RULES: Record<PointsRuleKind, number> = {
  meeting_attendance: 5,
  opinion: 3,
  useful_issue: 10,
  volunteering: 2,
  manual: 20,
}

const chars = (s: string) => Array.from(s).length
const text = (what: string, max: number) =>
  z
    .string({ required_error: `请填写${what}` })
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(1, `请填写${what}`)
        .refine((s) => chars(s) <= max, `${what}最多 ${max} 个字`),
    )
const wholePoints = (what: string, min: number, max: number) =>
  z
    .number({ required_error: `请填写${what}`, invalid_type_error: `${what}要填数字` })
    .int(`${what}要是整数`)
    .min(min, `${what}不能少于 ${min}`)
    .max(max, `${what}不能超过 ${max}`)

export const pointsRulesSchema = z.object({
  points: z.object(
    Object.fromEntries(
      POINTS_RULE_KINDS.map((k) => [k, wholePoints(POINTS_KIND_LABELS[k], 0, POINTS_LIMITS.maxPerRule)]),
    ) as Record<PointsRuleKind, ReturnType<typeof wholePoints>>,
  ),
})
export type PointsRulesRequest = z.infer<typeof pointsRulesSchema>
export type PointsTable = Record<PointsRuleKind, number>

export const manualAwardSchema = z.object({
  householdId: z.number().int().positive(),
  points: wholePoints('奖励分数', 1, POINTS_LIMITS.maxPerRule),
  reason: text('奖励理由', POINTS_LIMITS.reason),
})
export type ManualAwardRequest = z.infer<typeof manualAwardSchema>

export const shopItemSchema = z.object({
  name: text('物品名称', POINTS_LIMITS.itemName),
  cost: wholePoints('所需积分', 1, POINTS_LIMITS.maxCost),
  stock: wholePoints('库存', 0, POINTS_LIMITS.maxStock),
})
export type ShopItemRequest = z.infer<typeof shopItemSchema>

export const shopItemUpdateSchema = z.object({
  stock: wholePoints('库存', 0, POINTS_LIMITS.maxStock),
  active: z.boolean(),
})
export type ShopItemUpdateRequest = z.infer<typeof shopItemUpdateSchema>

export const redemptionSchema = z.object({
  householdId: z.number().int().positive(),
  itemId: z.number().int().positive(),
  quantity: wholePoints('数量', 1, POINTS_LIMITS.maxQuantity).default(1),
})
export type RedemptionRequest = z.input<typeof redemptionSchema>

export const pointsSettingsSchema = z.object({ rankingPublic: z.boolean() })
export type PointsSettingsRequest = z.infer<typeof pointsSettingsSchema>

export const householdQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, '请输入姓名或户号').max(20)),
})

/** An award of one rule: the rule's points, times the hours for volunteering. Integers only. */
export function pointsFor(rules: PointsTable, kind: Exclude<PointsRuleKind, 'manual'>, hours = 1): number {
  if (kind !== 'volunteering') return rules[kind]
  if (!Number.isInteger(hours) || hours < 1 || hours > POINTS_LIMITS.maxHours) return 0
  return rules.volunteering * hours
}

/** A manual award is bounded by the published cap; a village that set the cap to 0 gives none. */
export function manualAwardRule(points: number, rules: PointsTable): 'POINTS_MANUAL_OVER_CAP' | null {
  return Number.isInteger(points) && points >= 1 && points <= rules.manual ? null : 'POINTS_MANUAL_OVER_CAP'
}

/** The balance is the sum of the entries: awards positive, redemptions negative. */
export const pointsBalance = (entries: readonly { points: number }[]): number =>
  entries.reduce((sum, e) => sum + e.points, 0)

export type RedemptionRefusal = 'POINTS_BALANCE_SHORT' | 'POINTS_OUT_OF_STOCK' | 'POINTS_ITEM_UNAVAILABLE'

/** A redemption takes what the balance covers and the shelf holds: never an overdraft. */
export function redemptionRule(
  balance: number,
  item: { cost: number; stock: number; active: boolean },
  quantity: number,
): RedemptionRefusal | null {
  if (!item.active) return 'POINTS_ITEM_UNAVAILABLE'
  if (item.stock < quantity) return 'POINTS_OUT_OF_STOCK'
  if (balance < item.cost * quantity) return 'POINTS_BALANCE_SHORT'
  return null
}

/**
 * The key that makes one source award once: per person for what a person did (a meeting they
 * attended, a window they gave opinions in), per household for the rest. Manual awards and
 * redemptions carry a key of their own (each is its own source).
 */
export function pointsSourceKey(e: {
  kind: PointsEntryKind
  sourceType: string
  sourceId: number | string
  residentId: number | null
}): string {
  return `${e.kind}:${e.sourceType}:${e.sourceId}:${e.residentId ?? 'household'}`
}

export interface RankedHousehold {
  rank: number
  householdId: number
  name: string
  points: number
}

/**
 * The public ranking: households (never persons) with points earned, most first; equal points share
 * a rank (1, 1, 3) and are listed by name. Heads' names are masked as every public view masks them.
 */
export function rankHouseholds(
  rows: readonly { householdId: number; headName: string | null; points: number }[],
): RankedHousehold[] {
  const sorted = rows
    .filter((r) => r.points > 0)
    .map((r) => ({
      householdId: r.householdId,
      name: maskName(r.headName ?? '') || '户主未登记',
      points: r.points,
    }))
    .sort(
      (a, b) =>
        b.points - a.points || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.householdId - b.householdId),
    )
  let rank = 0
  return sorted.map((r, i) => {
    if (i === 0 || sorted[i - 1]!.points !== r.points) rank = i + 1
    return { rank, ...r }
  })
}

export interface PointsRulesView {
  version: number
  publishedOn: IsoDate
  publishedByName: string
  points: PointsTable
}

export interface PointsEntryView {
  id: number
  kind: PointsEntryKind
  points: number
  /** what earned it: the meeting, the opinion window, the issue, the activity, the shop item */
  sourceType: PointsSourceType
  sourceId: number
  sourceLabel: string
  /** the person whose taking part earned it; null for the household's own entries */
  personName: string | null
  rulesVersion: number | null
  /** when it was earned: a meeting's end, a window's close, the moment of the award */
  earnedAt: string
  recordedByName: string
}

export const POINTS_SOURCE_TYPES = [
  'meeting',
  'opinion_window',
  'grievance',
  'activity',
  'manual',
  'shop_item',
] as const
export type PointsSourceType = (typeof POINTS_SOURCE_TYPES)[number]

export interface PointsHouseholdView {
  householdId: number
  code: string
  headName: string | null
  balance: number
  entries: PointsEntryView[]
}

export interface ShopItemView {
  id: number
  name: string
  cost: number
  stock: number
  active: boolean
}

export interface PointsRankingView {
  enabled: boolean
  rows: RankedHousehold[]
}

/** The points page: the current rules (null before the first publication), the settings and what the viewer may do. */
export interface PointsOverview {
  rules: PointsRulesView | null
  rankingPublic: boolean
  /** the viewer's household on the roster, or null */
  myHouseholdId: number | null
  committee: boolean
}

export interface PointsHouseholdPick {
  householdId: number
  code: string
  headName: string | null
  /** the person matched, when the search was by a person's name */
  matchedName: string
  balance: number
}

/** An issue is marked useful once it has been answered (答复), not before. */
export const usefulIssueRule = (state: string): 'POINTS_ISSUE_NOT_ANSWERED' | null =>
  state === 'answered' || state === 'closed' ? null : 'POINTS_ISSUE_NOT_ANSWERED'

/** Whether a resident's issue earned its raiser's household points for being useful. */
export interface UsefulIssueView {
  grievanceId: number
  markedUseful: boolean
  points: number | null
}
