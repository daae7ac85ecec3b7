import {
  POINTS_KIND_LABELS,
  POINTS_LIMITS,
  POINTS_RULE_KINDS,
  pointsRulesSchema,
  shopItemSchema,
  type PointsEntryView,
  type PointsRuleKind,
  type PointsTable,
  type ShopItemRequest,
} from '@xiangli/shared'
import { ROUTES, withQuery } from '@/routes'

/** 积分制: the residents' pages and the 两委's. */
export const POINTS_PAGES = {
  home: ROUTES.pointsHome,
  rules: ROUTES.pointsRules,
  shop: ROUTES.pointsShop,
  ranking: ROUTES.pointsRanking,
  manage: ROUTES.pointsManage,
  desk: ROUTES.pointsDesk,
} as const

export const pointsPage = (page: keyof typeof POINTS_PAGES, villageId: number): string =>
  withQuery(POINTS_PAGES[page], { villageId })

/** "+5" for an award, "-12" for a redemption. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n))

/** What earned an entry, in a line: its kind, and the person whose taking part it was. */
export function entryHeadline(e: Pick<PointsEntryView, 'kind' | 'personName'>): string {
  const kind = POINTS_KIND_LABELS[e.kind]
  return e.personName && e.kind !== 'useful_issue' ? `${kind} · ${e.personName}` : kind
}

/** When it was earned, as a Beijing day: '2026-12-06'. */
export const entryDay = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/** The rules as the form edits them: each kind's points as typed. */
export type RulesForm = Record<PointsRuleKind, string>

export const rulesForm = (t: PointsTable): RulesForm =>
  Object.fromEntries(POINTS_RULE_KINDS.map((k) => [k, String(t[k])])) as RulesForm

const whole = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN)

/** The form's numbers, checked by the shared schema; errors by kind. */
export function checkRulesForm(
  f: RulesForm,
): { ok: true; value: PointsTable } | { ok: false; errors: Partial<Record<PointsRuleKind, string>> } {
  const points = Object.fromEntries(POINTS_RULE_KINDS.map((k) => [k, whole(f[k])]))
  const parsed = pointsRulesSchema.safeParse({ points })
  if (parsed.success) return { ok: true, value: parsed.data.points }
  const errors: Partial<Record<PointsRuleKind, string>> = {}
  for (const issue of parsed.error.issues) {
    const kind = issue.path[1] as PointsRuleKind
    errors[kind] ??= Number.isNaN(points[kind])
      ? `请填 0 到 ${POINTS_LIMITS.maxPerRule} 的整数`
      : issue.message
  }
  return { ok: false, errors }
}

/** Whether the form says anything the published rules do not. */
export const rulesChanged = (f: RulesForm, current: PointsTable | null): boolean =>
  current === null || POINTS_RULE_KINDS.some((k) => whole(f[k]) !== current[k])

export interface ShopItemForm {
  name: string
  cost: string
  stock: string
}

export function checkShopItem(
  f: ShopItemForm,
): { ok: true; value: ShopItemRequest } | { ok: false; error: string } {
  const parsed = shopItemSchema.safeParse({ name: f.name, cost: whole(f.cost), stock: whole(f.stock) })
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]!
  const field = String(issue.path[0])
  if (field === 'cost' && Number.isNaN(whole(f.cost))) return { ok: false, error: '所需积分请填整数' }
  if (field === 'stock' && Number.isNaN(whole(f.stock))) return { ok: false, error: '库存请填整数' }
  return { ok: false, error: issue.message }
}

/** What the desk may redeem for a household: items on the shelf, in stock, that its balance covers. */
export const affordable = (
  balance: number,
  item: { cost: number; stock: number; active: boolean },
): boolean => item.active && item.stock > 0 && item.cost <= balance
