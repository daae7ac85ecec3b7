/**
 * The catalogue a village works from: the national negative list (fixed), the default positive list,
 * then a region's override (a province, city or county publishes its own 出具证明事项清单) and a
 * village's override. It is data, so an admin edits it; the one thing no edit can do is put a
 * negative-list item on a positive list.
 */
import { z } from 'zod'
import type { ErrorCode } from '../errors'
import {
  NEGATIVE_LIST,
  NEGATIVE_LIST_CODES,
  negativeItemTitle,
  negativeListAnswer,
  type NegativeListItem,
} from './negative-list'
import {
  DEFAULT_POSITIVE_LIST,
  itemCodeSchema,
  positiveItemSchema,
  timeLimitDaysSchema,
  type PositiveItem,
  type SelfGoverningKind,
} from './positive-list'

// ---------- overrides ----------

/** A region's list: items it adds, default items it drops, time limits it sets. */
export const regionOverrideSchema = z
  .object({
    /** matches VillageSettings.certificateRegion */
    region: z.string().trim().min(1).max(32),
    add: z.array(positiveItemSchema).max(20).default([]),
    remove: z.array(itemCodeSchema).max(50).default([]),
    timeLimitDays: z.record(itemCodeSchema, timeLimitDaysSchema).default({}),
  })
  .strict()
export type RegionOverride = z.input<typeof regionOverrideSchema>

/**
 * A village may drop items it cannot check and promise to be quicker; it may not add items (that is
 * how the 万能章 came about) nor take longer than its region allows.
 */
export const villageOverrideSchema = z
  .object({
    remove: z.array(itemCodeSchema).max(50).default([]),
    timeLimitDays: z.record(itemCodeSchema, timeLimitDaysSchema).default({}),
  })
  .strict()
export type VillageOverride = z.input<typeof villageOverrideSchema>

/**
 * Something in an override that no longer applies, e.g. after the region changed its list. The
 * catalogue still works; an admin page shows these so someone tidies up.
 */
export interface CatalogueNote {
  source: 'region' | 'village'
  itemCode: string
  problem: 'unknown_item' | 'time_limit_capped'
}

export interface EffectiveCatalogue {
  positive: PositiveItem[]
  negative: readonly NegativeListItem[]
  notes: CatalogueNote[]
}

export type CatalogueResult =
  | { ok: true; catalogue: EffectiveCatalogue }
  | { ok: false; code: ErrorCode; itemCode?: string; negativeCode?: string; issues?: string[] }

// ---------- matching names ----------

/**
 * What a name is compared by: full-width forms folded (（ → (), punctuation, spaces and the word
 * 证明 dropped, so 亲属关系证明, 亲属 关系 and 亲属关系（证明） are one name.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/证明/g, '')
}

const termsOf = (item: { name: string; aliases: readonly string[] }): string[] =>
  [item.name, ...item.aliases].filter((t) => searchKey(t).length > 0)

/**
 * The negative-list item a would-be positive item is, or overlaps with: same code, or a name or alias
 * that contains, or is contained in, one of the negative item's names. Deliberately broad: a region
 * that wants 收入情况证明 back is told no, not helped around the rule.
 */
export function negativeConflict(candidate: {
  code?: string
  name: string
  aliases: readonly string[]
}): NegativeListItem | null {
  const byCode = NEGATIVE_LIST.find((n) => n.code === candidate.code)
  if (byCode) return byCode
  const keys = termsOf(candidate).map(searchKey)
  // the closest overlap names the item: the same name, then the longest negative name inside the candidate
  let best: { item: NegativeListItem; rank: number } | null = null
  for (const negative of NEGATIVE_LIST) {
    for (const n of termsOf(negative).map(searchKey))
      for (const k of keys) {
        const rank = k === n ? 3000 : k.includes(n) ? 2000 + n.length : n.includes(k) ? 1000 + k.length : 0
        if (rank > (best?.rank ?? 0)) best = { item: negative, rank }
      }
  }
  return best?.item ?? null
}

// ---------- building the catalogue ----------

const issuesOf = (e: z.ZodError): string[] =>
  e.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))

const isNegativeCode = (code: string): boolean => NEGATIVE_LIST_CODES.includes(code)

/**
 * The list a village issues from: defaults, then the region's changes, then the village's. `kind`
 * keeps only the items that apply to a village or to an urban community. Refuses, with a code,
 * an override that is malformed or that touches the negative list in any way.
 */
export function effectiveCatalogue(
  regionOverride?: RegionOverride | null,
  villageOverride?: VillageOverride | null,
  kind?: SelfGoverningKind,
): CatalogueResult {
  const region = regionOverrideSchema.safeParse(regionOverride ?? { region: 'default' })
  if (!region.success)
    return { ok: false, code: 'CERTIFICATE_CATALOGUE_INVALID', issues: issuesOf(region.error) }
  const village = villageOverrideSchema.safeParse(villageOverride ?? {})
  if (!village.success)
    return { ok: false, code: 'CERTIFICATE_CATALOGUE_INVALID', issues: issuesOf(village.error) }
  const r = region.data
  const v = village.data

  for (const item of r.add) {
    const negative = negativeConflict(item)
    if (negative)
      return {
        ok: false,
        code: 'CERTIFICATE_NEGATIVE_LIST',
        itemCode: item.code,
        negativeCode: negative.code,
      }
  }
  const mentioned = [
    ...r.remove,
    ...Object.keys(r.timeLimitDays),
    ...v.remove,
    ...Object.keys(v.timeLimitDays),
  ]
  const touched = mentioned.find(isNegativeCode)
  if (touched !== undefined)
    return { ok: false, code: 'CERTIFICATE_NEGATIVE_LIST', itemCode: touched, negativeCode: touched }

  const notes: CatalogueNote[] = []
  const has = (items: PositiveItem[], code: string): boolean => items.some((i) => i.code === code)

  let items: PositiveItem[] = [...DEFAULT_POSITIVE_LIST]
  for (const code of r.remove)
    if (!has(items, code)) notes.push({ source: 'region', itemCode: code, problem: 'unknown_item' })
  items = items.filter((i) => !r.remove.includes(i.code))
  for (const item of r.add) {
    if (has(items, item.code))
      return {
        ok: false,
        code: 'CERTIFICATE_CATALOGUE_INVALID',
        itemCode: item.code,
        issues: [`事项编码 ${item.code} 重复了`],
      }
    items.push(item)
  }
  for (const [code, days] of Object.entries(r.timeLimitDays)) {
    if (!has(items, code)) notes.push({ source: 'region', itemCode: code, problem: 'unknown_item' })
    else items = items.map((i) => (i.code === code ? { ...i, timeLimitDays: days } : i))
  }

  for (const code of v.remove)
    if (!has(items, code)) notes.push({ source: 'village', itemCode: code, problem: 'unknown_item' })
  items = items.filter((i) => !v.remove.includes(i.code))
  for (const [code, days] of Object.entries(v.timeLimitDays)) {
    const current = items.find((i) => i.code === code)
    if (!current) notes.push({ source: 'village', itemCode: code, problem: 'unknown_item' })
    else if (days > current.timeLimitDays)
      notes.push({ source: 'village', itemCode: code, problem: 'time_limit_capped' })
    else items = items.map((i) => (i.code === code ? { ...i, timeLimitDays: days } : i))
  }

  const positive = kind ? items.filter((i) => i.appliesTo.includes(kind)) : items
  return { ok: true, catalogue: { positive, negative: NEGATIVE_LIST, notes } }
}

const built = effectiveCatalogue()
if (!built.ok) throw new Error(`The default certificate catalogue is invalid: ${built.code}`)
/** The national list and the default positive list, with no overrides. */
export const DEFAULT_CATALOGUE: EffectiveCatalogue = built.catalogue

// ---------- what a resident is told ----------

/** A negative-list item as the API and the miniapp show it: the refusal and where to go instead. */
export interface NegativeListAnswer {
  code: string
  /** 亲属关系证明 */
  title: string
  /** the whole text: not issued here, the source, where to go, the commitment if any */
  answer: string
  offices: readonly string[]
  commitment: string | null
}

export const negativeListView = (item: NegativeListItem): NegativeListAnswer => ({
  code: item.code,
  title: negativeItemTitle(item),
  answer: negativeListAnswer(item),
  offices: item.guidance.offices,
  commitment: item.guidance.commitment,
})

export type CatalogueLookup =
  { kind: 'positive'; item: PositiveItem } | { kind: 'negative'; item: NegativeListItem } | null

export function findCatalogueItem(catalogue: EffectiveCatalogue, code: string): CatalogueLookup {
  const positive = catalogue.positive.find((i) => i.code === code)
  if (positive) return { kind: 'positive', item: positive }
  const negative = catalogue.negative.find((i) => i.code === code)
  return negative ? { kind: 'negative', item: negative } : null
}

/**
 * The item a request is for, or the refusal: a negative-list item is refused at once with its guidance
 * (the `answer` goes into the error's details); anything else not on this village's list is unknown.
 */
export function requestableItem(
  catalogue: EffectiveCatalogue,
  code: string,
):
  | { ok: true; item: PositiveItem }
  | { ok: false; code: 'CERTIFICATE_NEGATIVE_LIST'; answer: NegativeListAnswer }
  | { ok: false; code: 'CERTIFICATE_ITEM_NOT_FOUND' } {
  const found = findCatalogueItem(catalogue, code)
  if (found === null) return { ok: false, code: 'CERTIFICATE_ITEM_NOT_FOUND' }
  switch (found.kind) {
    case 'positive':
      return { ok: true, item: found.item }
    case 'negative':
      return { ok: false, code: 'CERTIFICATE_NEGATIVE_LIST', answer: negativeListView(found.item) }
  }
}

// ---------- search ----------

export type CatalogueHit =
  | { kind: 'positive'; item: PositiveItem; matched: string }
  | { kind: 'negative'; item: NegativeListItem; matched: string; answer: NegativeListAnswer }

/** 3: the name itself; 2: the query mentions the whole name; 1: the name contains the query. */
function bestMatch(query: string, terms: readonly string[]): { score: number; matched: string } | null {
  let best: { score: number; matched: string } | null = null
  for (const term of terms) {
    const key = searchKey(term)
    const score = key === query ? 3 : query.includes(key) ? 2 : key.includes(query) ? 1 : 0
    if (score > 0 && (best === null || score > best.score)) best = { score, matched: term }
  }
  return best
}

/**
 * Finds items by what people type: names and common aliases, both directions (犯罪 finds 无犯罪记录;
 * 我要开亲属关系证明 finds 亲属关系). A negative hit carries its guidance, so whoever shows it shows
 * where to go instead. Best matches first; on a tie, what the village can issue comes first.
 */
export function searchCatalogue(
  query: string,
  catalogue: EffectiveCatalogue = DEFAULT_CATALOGUE,
): CatalogueHit[] {
  const q = searchKey(query)
  if (q.length === 0) return []
  const scored: { hit: CatalogueHit; score: number; order: number }[] = []
  catalogue.positive.forEach((item, i) => {
    const m = bestMatch(q, termsOf(item))
    if (m) scored.push({ hit: { kind: 'positive', item, matched: m.matched }, score: m.score, order: i })
  })
  catalogue.negative.forEach((item, i) => {
    const m = bestMatch(q, [negativeItemTitle(item), ...termsOf(item)])
    if (m)
      scored.push({
        hit: { kind: 'negative', item, matched: m.matched, answer: negativeListView(item) },
        score: m.score,
        order: catalogue.positive.length + i,
      })
  })
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.hit)
}
