/**
 * The API contract. Request bodies are zod schemas: the server validates with them and the miniapp
 * infers its types from them, so the two sides cannot drift. Responses are plain types here.
 */
import { z } from 'zod'
import type { OrgKind, VillageSettings } from './org'
import type { Role } from './roles'
import type { MeetingBody } from './procedure'
import type { ResidenceView } from './residence'
import { RESIDENCIES, type Residency, type Sex } from './roster'
import { VERIFICATION_STATES, type VerificationState } from './verification'

// ---------- common ----------
export interface Page<T> {
  items: T[]
  /** how many there are; a lower bound when `totalAtLeast` is set */
  total: number
  page: number
  pageSize: number
  /** counting stopped at `total` (a long list is not counted to its end): show it as “total+” */
  totalAtLeast?: boolean
  /** keyset pagination: pass as `after` for the next page (cheaper than `page` deep in a list) */
  nextAfter?: number
}

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type PageQuery = z.infer<typeof pageQuerySchema>

/** The answer of a change that has nothing more to say than that it happened. */
export interface Ok {
  ok: true
}

// ---------- auth ----------
export const wechatLoginSchema = z.object({ code: z.string().min(1).max(128) })
export type WechatLoginRequest = z.infer<typeof wechatLoginSchema>

export const demoLoginSchema = z.object({ key: z.string().min(1).max(64) })
export type DemoLoginRequest = z.infer<typeof demoLoginSchema>

export const refreshSchema = z.object({ refreshToken: z.string().min(10).max(256) })
export type RefreshRequest = z.infer<typeof refreshSchema>

export interface TokenPair {
  accessToken: string
  /** seconds until the access token expires */
  expiresIn: number
  refreshToken: string
}

export interface DemoPerson {
  key: string
  name: string
  roleLabel: string
  orgName: string
}

export interface DemoPeopleResponse {
  enabled: boolean
  people: DemoPerson[]
}

// ---------- me ----------
export interface Membership {
  orgId: number
  orgName: string
  orgKind: OrgKind
  /** the township or street above it, for display */
  parentName: string | null
  roles: Role[]
}

export interface VerificationView {
  id: number
  villageId: number
  villageName: string
  name: string
  idNumberMasked: string
  phoneMasked: string
  state: VerificationState
  reason: string | null
  createdAt: string
  decidedAt: string | null
}

export interface Me {
  accountId: number
  displayName: string
  /** true once at least one village confirmed the person */
  verified: boolean
  verifications: VerificationView[]
  memberships: Membership[]
  preferences: Preferences
}

export const preferencesSchema = z.object({
  /** 长辈模式: larger text and touch targets */
  elderMode: z.boolean(),
  /** the village the person last worked in */
  activeOrgId: z.number().int().positive().nullable(),
})
export type Preferences = z.infer<typeof preferencesSchema>
export const updatePreferencesSchema = preferencesSchema.partial()
export type UpdatePreferencesRequest = z.infer<typeof updatePreferencesSchema>

export const verificationRequestSchema = z.object({
  villageId: z.number().int().positive(),
  name: z.string().trim().min(1, '请填写姓名').max(30),
  idNumber: z.string().trim().min(15, '请填写身份证号').max(20),
  phone: z.string().trim().min(11, '请填写手机号').max(20),
})
export type VerificationRequest = z.infer<typeof verificationRequestSchema>

export const rejectSchema = z.object({ reason: z.string().trim().min(1, '请填写原因').max(200) })
export type RejectRequest = z.infer<typeof rejectSchema>

/** The committee's list of claims: a page of them, of one state if asked. */
export const verificationQuerySchema = pageQuerySchema.extend({
  state: z.enum(VERIFICATION_STATES).optional(),
})
export type VerificationQuery = z.infer<typeof verificationQuerySchema>

// ---------- organisations ----------
export interface OrgView {
  id: number
  kind: OrgKind
  name: string
  code: string
  parentId: number | null
  parentName: string | null
}

export interface VillageView extends OrgView {
  settings: VillageSettings
  householdCount: number
  residentCount: number
  /** its villager groups (村民小组) / residents' groups, by name: e.g. a notice's audience */
  groups: { id: number; name: string }[]
}

// ---------- roster ----------
export interface HouseholdView {
  id: number
  code: string
  address: string | null
  groupName: string | null
  headName: string | null
  memberCount: number
}

export interface ResidentView {
  id: number
  name: string
  sex: Sex
  birthDate: string
  age: number
  /** masked for everyone but the person themself */
  idNumber: string
  /** in full for the person themself and the 两委 of their village, masked (138****5678) for others */
  phone: string | null
  householdId: number
  householdCode: string
  groupName: string | null
  isHouseholdHead: boolean
  isHouseholdRep: boolean
  residency: Residency
  /** since when, the proof of address, the declaration or admission, and what follows for the vote */
  residence: ResidenceView
  linked: boolean
  roles: Role[]
}

export const residentQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(30).optional(),
  householdId: z.coerce.number().int().positive().optional(),
  residency: z.enum(RESIDENCIES).optional(),
})
export type ResidentQuery = z.infer<typeof residentQuerySchema>

export interface RosterImportFailure {
  /** the row number as the sheet shows it (header is row 1) */
  row: number
  reason: string
}

export interface RosterImportResult {
  totalRows: number
  imported: number
  householdsCreated: number
  failed: RosterImportFailure[]
}

export const assignRoleSchema = z.object({
  residentId: z.number().int().positive(),
  // 网格员 is given with a grid (the grids routes), never on its own
  role: z.enum([
    'representative',
    'party_member',
    'committee_member',
    'party_secretary',
    'supervisor',
    'group_leader',
  ]),
})
export type AssignRoleRequest = z.infer<typeof assignRoleSchema>

export interface RoleHolderView {
  id: number
  residentId: number | null
  accountId: number | null
  name: string
  role: Role
  since: string
}

// ---------- inbox ----------
export interface NotificationView {
  id: number
  orgId: number | null
  kind: string
  title: string
  body: string
  /** a miniapp page path to open, if any */
  link: string | null
  read: boolean
  createdAt: string
}

export interface UnreadCount {
  count: number
}

// ---------- audit ----------
export interface AuditEntryView {
  seq: number
  actorName: string | null
  actorRole: string | null
  action: string
  targetType: string
  targetId: string
  createdAt: string
}

export interface AuditVerifyResult {
  ok: boolean
  checked: number
  /**
   * the first entry whose content or link does not match, or that recorded a row which no longer
   * matches it (its number across all chains); 0 when a row has no entry at all (it was added behind
   * the application's back); null when the entry itself is gone (chain and link say where)
   */
  firstBrokenSeq: number | null
  /**
   * the chain (an organisation's id, or 0 for entries about none and all written before chains
   * were split) and the place in it where the break is; null when the chain is whole
   */
  chain: number | null
  link: number | null
  problem: string | null
  /** the table of what no longer matches (audit_entry for the chain itself) and its row */
  table: string | null
  recordId: string | null
}

/** One chain's head: an outsider who writes it down can later tell whether the chain was rewritten. */
export interface AuditHeadView {
  /** the organisation whose chain it is, or 0 for entries about none and all older entries */
  chain: number
  orgName: string | null
  /** how many entries the chain holds, and the last one's hash */
  link: number
  hash: string
}

export interface AuditVerifyRunView {
  id: number
  mode: 'full' | 'since_verified'
  state: 'running' | 'done' | 'failed'
  checked: number
  total: number
  /** once done */
  result: AuditVerifyResult | null
  /** why a run failed, in plain Chinese */
  failure: string | null
  startedAt: string
  finishedAt: string | null
}

// ---------- home ----------
/** A meeting the person is due to attend (应到), not yet held. */
export interface HomeMeeting {
  deliberationId: number
  meetingId: number
  /** the deliberation's title */
  title: string
  body: MeetingBody
  /** ISO time the notice announced */
  at: string
  place: string
}

/** What waits on the person themselves, as a resident. */
export interface HomeMine {
  /** published notices meant for them that they have not opened (a correction is new again) */
  newNotices: number
  /** meetings they are called to, soonest first (at most 5) */
  meetings: HomeMeeting[]
  /** their issues answered and waiting for their rating */
  toRate: number
  /** their certificate requests returned for more information */
  toResubmit: number
}

/** What waits on the 两委 (or the supervision committee), by kind; each opens its queue filtered. */
export interface CommitteeWaiting {
  /** 说事 submitted, not yet accepted */
  grievancesToAccept: number
  /** 说事 accepted, assigned, reopened or returned by the township, not yet answered */
  grievancesToAnswer: number
  /** of those two, past their time limit */
  grievancesOverdue: number
  /** certificate requests submitted or resubmitted, to approve or refuse */
  certificatesToApprove: number
  /** objections to a notice not yet answered */
  objectionsToAnswer: number
  /** deliberations whose next step is recorded by one of the person's roles */
  deliberationsWaiting: number
  /** petitions that reached their threshold and are not convened yet */
  petitionsReached: number
  /** notices submitted for the supervision committee's review (content to review) */
  noticesToReview: number
}

export interface HomeSummary {
  org: OrgView
  roles: Role[]
  unread: number
  pendingVerifications: number | null
  householdCount: number
  residentCount: number
  mine: HomeMine
  /** null for those who hold no committee or supervision role in the village */
  waiting: CommitteeWaiting | null
}

/** One village's line on the township's dashboard. */
export interface TownshipVillageFigures {
  villageId: number
  villageName: string
  /** issues past their time limit, unanswered */
  grievancesOverdue: number
  /** average rating of answers (1–5, one decimal); null when none was rated */
  satisfaction: number | null
  rated: number
  /** objections not answered within the village's limit */
  objectionsOverdue: number
  /** deliberations under way */
  deliberationsUnderWay: number
  /** petitions that reached their threshold and wait to be convened */
  petitionsWaiting: number
  /** of those, past the convening deadline (PETITION_CONVENE_DAYS after reaching it) */
  petitionsIgnored: number
  /** notices published in the last 90 days (村务公开: at least quarterly) */
  noticesLastQuarter: number
}

/** Certificates issued in one village for one item in one year. */
export interface TownshipCertificateFigure {
  villageId: number
  year: number
  itemCode: string
  itemName: string
  issued: number
}

/** The township's one-screen dashboard over its villages. */
export interface TownshipDashboard {
  townshipId: number
  /** days a reached petition may wait to be convened before it counts as ignored */
  conveneDays: number
  villages: TownshipVillageFigures[]
  /** the last three years, oldest first */
  years: number[]
  certificates: TownshipCertificateFigure[]
}

export interface HealthResponse {
  status: 'ok' | 'degraded'
  database: 'up' | 'down'
  time: string
}

export interface LiveResponse {
  status: 'ok'
}
