import { z } from 'zod'
import { grievanceCreateSchema } from './grievance-api'
import type { Sex } from './roster'

/**
 * 网格: a village or community is divided into grids of households, each with its grid workers
 * (网格员), who collect residents' concerns on their rounds (民情收集) and handle first-line issues.
 * A household is in at most one grid.
 */

export const MAX_GRID_NAME = 20
/** how many households one request may put into a grid */
export const MAX_GRID_HOUSEHOLDS_AT_ONCE = 500
/** how many residents one 民情收集 may name */
export const MAX_COLLECTED_RESIDENTS = 10

const ids = (what: string, max: number, min = 0, none = '') =>
  z
    .array(z.number().int().positive())
    .min(min, none)
    .max(max, `一次最多选 ${max} ${what}`)
    .refine((list) => new Set(list).size === list.length, `同一${what}选了两次`)

/** A grid's name as the committee types it: trimmed, inner runs of spaces made one. */
export const normalizeGridName = (raw: string): string => raw.trim().replace(/\s+/g, ' ')

export const gridNameSchema = z.object({
  name: z
    .string({ required_error: '请填写网格名称' })
    .transform(normalizeGridName)
    .pipe(
      z
        .string()
        .min(1, '请填写网格名称')
        .refine((s) => Array.from(s).length <= MAX_GRID_NAME, `网格名称最多 ${MAX_GRID_NAME} 个字`),
    ),
})
export type GridNameRequest = z.input<typeof gridNameSchema>

/** A grid worker is a person on the roster. */
export const gridWorkerSchema = z.object({ residentId: z.number().int().positive() })
export type GridWorkerRequest = z.infer<typeof gridWorkerSchema>

/**
 * Households put into a grid: picked one by one, or whole villager groups (按组) at once, or both.
 * A household already in another grid moves to this one.
 */
export const gridHouseholdsSchema = z.object({
  householdIds: ids('户', MAX_GRID_HOUSEHOLDS_AT_ONCE).default([]),
  groupIds: ids('个组', 50).default([]),
})
export type GridHouseholdsRequest = z.input<typeof gridHouseholdsSchema>
export type GridHouseholds = z.infer<typeof gridHouseholdsSchema>

/** Whether a request names anything to put into the grid. */
export const namesHouseholds = (b: GridHouseholds): boolean =>
  b.householdIds.length > 0 || b.groupIds.length > 0

/** Households taken out of any grid. */
export const gridReleaseSchema = z.object({
  householdIds: ids('户', MAX_GRID_HOUSEHOLDS_AT_ONCE, 1, '请至少选一户'),
})
export type GridReleaseRequest = z.infer<typeof gridReleaseSchema>

/**
 * 民情收集: a grid worker raises what they heard on their rounds, naming the residents of their grid
 * it concerns. The grid worker is the raiser; the residents named see it among their own issues.
 */
export const grievanceCollectSchema = grievanceCreateSchema.extend({
  residentIds: ids('个人', MAX_COLLECTED_RESIDENTS, 1, '请至少选一位涉及的住户'),
})
export type GrievanceCollectRequest = z.input<typeof grievanceCollectSchema>
export type GrievanceCollect = z.infer<typeof grievanceCollectSchema>

// ---------- views ----------

export interface GridWorkerView {
  residentId: number
  name: string
}

export interface GridView {
  id: number
  name: string
  workers: GridWorkerView[]
  householdCount: number
}

export interface GridMemberView {
  id: number
  name: string
  sex: Sex
  age: number
  /** masked unless the viewer may see it in full (the person, the 两委) */
  phone: string | null
  isHouseholdHead: boolean
  /** uses the app (verified) */
  linked: boolean
}

export interface GridHouseholdView {
  id: number
  code: string
  address: string | null
  /** the villager group (村民小组) */
  groupId: number | null
  groupName: string | null
  /** the grid it is in, or null */
  gridId: number | null
  gridName: string | null
  members: GridMemberView[]
}

/**
 * 我的小组: the villager group (村民小组) a 村民小组长 leads — the group of their own household, as the
 * group elects its leader from among its villagers (村民委员会组织法 Art 28) — with its households and
 * their people (phones as the roster shows them to the first line: masked).
 */
export interface MyGroupView {
  groupId: number
  name: string
  households: GridHouseholdView[]
}

/** 我的网格: one of the grid worker's grids with its households and their people. */
export interface GridDetailView extends GridView {
  households: GridHouseholdView[]
}

export interface GridHouseholdsResult {
  /** households now in the grid that were not before (moved from another grid or from none) */
  added: number
  /** of those, how many were in another grid */
  moved: number
}

/** "网格员 王五 收集" under a collected issue. */
export const collectedLabel = (collectorName: string): string => `网格员 ${collectorName} 收集`

/** Where a grid worker's notifications point: 我的网格. */
export const MY_GRID_PAGE = '/subpackages/grid/pages/mine/index'
