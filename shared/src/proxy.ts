/**
 * 代办 (帮办代办): someone files an issue, a certificate request or an objection for a resident who
 * cannot do it themselves. The item stays the resident's (their lists, their rating, their
 * messages); it names who acted (代办人) and keeps the resident's consent.
 */
import type { Consent } from './proxy-schemas'
import type { ErrorCode } from './errors'
import type { PROXY_ERRORS } from './errors/proxy'
import { ROLE_LABELS, ROLES, type Role } from './roles'
import type { VillageSettings } from './org'

/** What a role lets its holder do beyond its own workflows. A new role gets a line in ROLE_CAPABILITIES. */
export const CAPABILITIES = ['act_for_residents'] as const
export type Capability = (typeof CAPABILITIES)[number]

/**
 * Which role carries which capability: the 两委 and the 网格员 (who meets residents on their rounds) act
 * for residents; a 村民小组长 answers what is handed to them but files nothing for others.
 */
export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  resident: [],
  representative: [],
  party_member: [],
  committee_member: ['act_for_residents'],
  party_secretary: ['act_for_residents'],
  grid_worker: ['act_for_residents'],
  group_leader: [],
  supervisor: [],
  township_official: [],
  system_admin: [],
}

/** The roles that carry a capability, for route rules and role-holder lookups. */
export const rolesWith = (c: Capability): Role[] => ROLES.filter((r) => ROLE_CAPABILITIES[r].includes(c))

export const hasCapability = (held: readonly Role[], c: Capability): boolean =>
  held.some((r) => ROLE_CAPABILITIES[r].includes(c))

/** The village lets a household member file for a relative (off unless the village turns it on). */
export const familyProxyAllowed = (s: VillageSettings | null | undefined): boolean =>
  s?.proxy?.familyMembers === true

/** What can be filed for someone: 便民服务 is filed at the desk as often as anything. */
export const PROXY_KINDS = ['grievance', 'certificate', 'objection', 'service'] as const
export type ProxyKind = (typeof PROXY_KINDS)[number]
export const PROXY_KIND_LABELS: Record<ProxyKind, string> = {
  grievance: '说事',
  certificate: '申请证明',
  objection: '对公告提异议',
  service: '办事（便民服务）',
}

/** How the resident agreed: a signed paper form (its photo), or on the acting person's phone. */
export const CONSENT_KINDS = ['paper', 'on_device'] as const
export type ConsentKind = (typeof CONSENT_KINDS)[number]
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  paper: '纸质授权书（已拍照）',
  on_device: '本人当面在手机上确认',
}

/** Why the acting person may act: their role, or being of the same household. */
export type ProxyStanding = { kind: 'role'; role: Role } | { kind: 'family' }

/** Shown on the item: 代办人：张三（村委委员）. */
export interface ProxyLine {
  name: string
  /** 村委委员, 党组织书记, 家属 … */
  as: string
  consent: ConsentKind
  /** ISO time the consent was given */
  consentAt: string
}

const ROLE_AS: Partial<Record<Role, string>> = {
  committee_member: '村委委员',
  party_secretary: '党组织书记',
  representative: '村民代表',
}

/** A role without a short label (a future one) is shown by its full name. */
export const proxyAs = (s: ProxyStanding): string =>
  s.kind === 'family' ? '家属' : (ROLE_AS[s.role] ?? ROLE_LABELS[s.role])

export const proxyLineText = (p: Pick<ProxyLine, 'name' | 'as'>): string => `代办人：${p.name}（${p.as}）`

/** Who the acting person is, as far as the rule needs to know. */
export interface ProxyActor {
  /** roles held in the village */
  roles: readonly Role[]
  /** their own roster row in the village, if any */
  residentId: number | null
  householdId: number | null
}

export interface ProxyTarget {
  residentId: number
  householdId: number
}

/**
 * May this person act for that resident? The target is already known to be on this village's roster
 * (another village's resident is not found). Acting for oneself goes through the ordinary forms.
 */
export function proxyStanding(
  actor: ProxyActor,
  target: ProxyTarget,
  settings: VillageSettings | null | undefined,
): { ok: true; standing: ProxyStanding } | { ok: false; code: ErrorCode } {
  if (actor.residentId !== null && actor.residentId === target.residentId)
    return { ok: false, code: 'PROXY_SELF' }
  const role = actor.roles.find((r) => ROLE_CAPABILITIES[r].includes('act_for_residents'))
  if (role) return { ok: true, standing: { kind: 'role', role } }
  if (actor.householdId !== null && actor.householdId === target.householdId) {
    if (familyProxyAllowed(settings)) return { ok: true, standing: { kind: 'family' } }
    return { ok: false, code: 'PROXY_FAMILY_NOT_ALLOWED' }
  }
  return { ok: false, code: 'FORBIDDEN' }
}

/** Removes spaces and the middle dot some names carry, so 阿依·古丽 typed as 阿依古丽 matches. */
const plainName = (s: string): string => s.replace(/[\s·•.]/g, '')

/** The consent is there and is the resident's own: a photo of the paper, or their name typed and the box ticked. */
export function checkConsent(
  consent: Consent | undefined,
  residentName: string,
): { ok: true; consent: Consent } | { ok: false; code: keyof typeof PROXY_ERRORS } {
  if (!consent) return { ok: false, code: 'PROXY_CONSENT_MISSING' }
  if (consent.kind === 'paper') return { ok: true, consent }
  if (!consent.agreed || consent.typedName.trim() === '') return { ok: false, code: 'PROXY_CONSENT_MISSING' }
  if (plainName(consent.typedName) !== plainName(residentName))
    return { ok: false, code: 'PROXY_CONSENT_NAME_MISMATCH' }
  return { ok: true, consent }
}

/** One row of the picker: enough to recognise the person at the desk, nothing more. */
export interface ProxyCandidate {
  residentId: number
  name: string
  /** 138****5678 */
  phoneMasked: string | null
  /** YYYY */
  birthYear: string
  householdCode: string
}

/** A phone query is 3–4 trailing digits; anything else searches names. */
export const phoneTail = (q: string): string | null => (/^\d{3,4}$/.test(q) ? q : null)

/** What an item keeps of who filed it for its owner and how the owner agreed. */
export interface ProxyRecord {
  accountId: number
  name: string
  /** the line's label, fixed when filed */
  as: string
  standing: ProxyStanding
  consent: {
    kind: ConsentKind
    /** ISO time the consent was taken */
    at: string
    /** the photo of the signed form (paper) */
    photoId: number | null
    /** what the resident typed (on_device) */
    typedName: string | null
  }
}

export const proxyLineOf = (r: ProxyRecord | null | undefined): ProxyLine | null =>
  r ? { name: r.name, as: r.as, consent: r.consent.kind, consentAt: r.consent.at } : null
