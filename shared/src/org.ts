import { z } from 'zod'

/** county 县 → township 乡镇 / street 街道 → village 村 / community 社区 → villager group 村民小组 */
export const ORG_KINDS = ['county', 'township', 'street', 'village', 'community', 'group'] as const
export type OrgKind = (typeof ORG_KINDS)[number]

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  county: '县（区）',
  township: '乡镇',
  street: '街道',
  village: '村',
  community: '社区',
  group: '村民小组',
}

/** The kinds that may be a parent of each kind. */
export const ORG_PARENT_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  county: [],
  township: ['county'],
  street: ['county'],
  village: ['township', 'street'],
  community: ['township', 'street'],
  group: ['village', 'community'],
}

/** Villages and communities are the units that govern themselves; most rules are set on them. */
export const isSelfGoverningUnit = (kind: OrgKind): boolean => kind === 'village' || kind === 'community'
export const isTownshipLevel = (kind: OrgKind): boolean => kind === 'township' || kind === 'street'

/** 四议两公开 (rural) or 一征三议两公开 (urban) */
export const PROCEDURE_VARIANTS = ['siyi_liang_gongkai', 'yizheng_sanyi_liang_gongkai'] as const
export type ProcedureVariant = (typeof PROCEDURE_VARIANTS)[number]
export const PROCEDURE_VARIANT_LABELS: Record<ProcedureVariant, string> = {
  siyi_liang_gongkai: '四议两公开',
  yizheng_sanyi_liang_gongkai: '一征三议两公开',
}

export const villageSettingsSchema = z.object({
  procedureVariant: z.enum(PROCEDURE_VARIANTS),
  /** 一肩挑: the party secretary also chairs the committee, so steps 1 and 2 may be merged. */
  yijiantiao: z.boolean(),
  publicity: z.object({
    /** 公示期 in days */
    defaultDays: z.number().int().min(1).max(60),
    objectionReplyDays: z.number().int().min(1).max(60),
    supervisionReview: z.boolean(),
  }),
  certificateRegion: z.string().min(1).max(32),
  timeLimits: z.object({
    issueAcceptDays: z.number().int().min(1).max(30),
    issueAnswerDays: z.number().int().min(1).max(60),
    certificateDays: z.number().int().min(1).max(30),
  }),
  verification: z.object({
    /** An exact roster match (name, ID number, phone) confirms without a committee member. */
    autoConfirmExactMatch: z.boolean(),
  }),
  /** 代办: whether a household member may file for a relative (staff always may); off when absent */
  proxy: z.object({ familyMembers: z.boolean() }).optional(),
  /**
   * 非户籍常住 people the villagers' or representatives' meeting admitted (Art 13) vote in elections;
   * whether they also vote on the village's other matters (default: no, also when absent)
   */
  residence: z.object({ admittedVoteOnOtherMatters: z.boolean() }).optional(),
})
export type VillageSettings = z.infer<typeof villageSettingsSchema>

export function defaultVillageSettings(kind: 'village' | 'community'): VillageSettings {
  return {
    procedureVariant: kind === 'village' ? 'siyi_liang_gongkai' : 'yizheng_sanyi_liang_gongkai',
    yijiantiao: false,
    publicity: { defaultDays: 7, objectionReplyDays: 15, supervisionReview: false },
    certificateRegion: 'default',
    timeLimits: { issueAcceptDays: 2, issueAnswerDays: 7, certificateDays: 3 },
    verification: { autoConfirmExactMatch: false },
    proxy: { familyMembers: false },
  }
}
