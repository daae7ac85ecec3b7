/**
 * The bodies that hold a deliberation's steps and the Art 24 matters only the assembly may decide:
 * the vocabulary of procedure.ts, kept apart so a page that only names a body or a matter does not
 * load the procedure builder and the quorum rules with it.
 */
import type { ErrorCode } from './errors'

// ---------- bodies ----------

/** The bodies that hold a meeting and vote. */
export const MEETING_BODIES = [
  'party_branch',
  'joint_committees',
  'party_members_meeting',
  'villagers_meeting',
  'representatives_meeting',
  'villager_group_meeting',
  'residents_meeting',
  'residents_representatives_meeting',
] as const
export type MeetingBody = (typeof MEETING_BODIES)[number]

/** Every body a step can name: the meeting bodies, the opinion window (一征) and publication. */
export const DELIBERATION_BODIES = [...MEETING_BODIES, 'public_solicitation', 'publication'] as const
export type DeliberationBody = (typeof DELIBERATION_BODIES)[number]

export const DELIBERATION_BODY_LABELS: Record<DeliberationBody, string> = {
  party_branch: '村（社区）党组织',
  joint_committees: '两委联席会议',
  party_members_meeting: '党员大会',
  villagers_meeting: '村民会议',
  representatives_meeting: '村民代表会议',
  villager_group_meeting: '村民小组会议',
  residents_meeting: '居民会议',
  residents_representatives_meeting: '居民代表会议',
  public_solicitation: '征求居民意见',
  publication: '公开（公告栏和小程序）',
}

export const isMeetingBody = (body: DeliberationBody): body is MeetingBody =>
  (MEETING_BODIES as readonly string[]).includes(body)

/** The full assemblies, which decide anything that concerns everyone. */
export const FULL_ASSEMBLIES: readonly MeetingBody[] = ['villagers_meeting', 'residents_meeting']
/** The representatives' meetings, which decide reserved matters only when the assembly delegated them. */
export const REPRESENTATIVE_ASSEMBLIES: readonly MeetingBody[] = [
  'representatives_meeting',
  'residents_representatives_meeting',
]

// ---------- Art 24 matters ----------

/**
 * 村民委员会组织法 Art 24: matters the villagers' meeting must decide (it may delegate them to the
 * representatives' meeting), plus `ordinary` for everything else.
 */
export const MATTER_TYPES = [
  'lost_work_subsidy',
  'collective_income',
  'public_works',
  'land_contracting',
  'collective_economic_project',
  'homestead',
  'land_compensation',
  'collective_property_disposal',
  'assembly_reserved',
  'ordinary',
] as const
export type MatterType = (typeof MATTER_TYPES)[number]

export const MATTER_TYPE_LABELS: Record<MatterType, string> = {
  lost_work_subsidy: '享受误工补贴的人员及补贴标准',
  collective_income: '村集体经济所得收益的使用',
  public_works: '公益事业的兴办和筹资筹劳方案及建设承包方案',
  land_contracting: '土地承包经营方案',
  collective_economic_project: '村集体经济项目的立项、承包方案',
  homestead: '宅基地的使用方案',
  land_compensation: '征地补偿费的使用、分配方案',
  collective_property_disposal: '以借贷、租赁或者其他方式处分村集体财产',
  assembly_reserved: '村（居）民会议认为应当由其讨论决定的其他事项',
  ordinary: '一般事项',
}

export const isReservedMatter = (matter: MatterType): boolean => matter !== 'ordinary'

/**
 * Who may decide a matter. A reserved (Art 24) matter only in the full assembly, or in a
 * representatives' meeting the assembly delegated it to; an ordinary matter in either. Applied to
 * communities as well: 城市居民委员会组织法 Art 10 sends "important questions concerning all
 * residents" to the residents' meeting, and the same delegation discipline is the safe reading.
 */
export function mayDecide(
  matter: MatterType,
  body: DeliberationBody,
  delegated: boolean,
): { ok: true } | { ok: false; code: ErrorCode; reason?: string } {
  const isFull = (FULL_ASSEMBLIES as readonly string[]).includes(body)
  const isRepresentative = (REPRESENTATIVE_ASSEMBLIES as readonly string[]).includes(body)
  if (!isFull && !isRepresentative)
    return {
      ok: false,
      code: isReservedMatter(matter) ? 'DELIBERATION_MATTER_RESERVED' : 'DELIBERATION_BODY_NOT_ALLOWED',
      reason: `${DELIBERATION_BODY_LABELS[body]}不能作出决议`,
    }
  if (isRepresentative && isReservedMatter(matter) && !delegated)
    return {
      ok: false,
      code: 'DELIBERATION_MATTER_RESERVED',
      reason: `“${MATTER_TYPE_LABELS[matter]}”要由村（居）民会议决定，${DELIBERATION_BODY_LABELS[body]}须经其授权`,
    }
  return { ok: true }
}
