import { answerVisibleTo, COMMITTEE_ROLES, visibleTo } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import type { Actor } from '../../core/audit/audit.service'
import { AppException } from '../../core/errors/app.exception'
import type { GrievanceEvent } from './entities/grievance-event.entity'
import type { Grievance } from './entities/grievance.entity'

/** How the person looking relates to one grievance. */
export interface Relation {
  accountId: number
  isRaiser: boolean
  /** filed it for the raiser (代办): follows it, as the one who will tell them */
  isProxy: boolean
  isCommittee: boolean
  isTownship: boolean
  inVillage: boolean
  /** the grid worker or group leader (or committee member) it was handed to */
  isAssignee: boolean
  /** 民情收集: a resident the grid worker named as concerned */
  isNamed: boolean
  /** a grid worker whose grid the raiser or a named resident lives in */
  isGridWorker: boolean
  /**
   * the 村民小组长 of the raiser's or a named resident's villager group: reads the names on what they
   * may see, but sees no more than any villager does (nothing kept to the 两委, nothing held)
   */
  isGroupLeader: boolean
}

/**
 * What only a lookup can tell: whether the viewer is named by the item, looks after its people's grid
 * or leads their villager group.
 */
export interface Ties {
  isNamed: boolean
  isGridWorker: boolean
  isGroupLeader: boolean
}

export async function relationTo(
  v: Viewer,
  g: Pick<Grievance, 'villageId' | 'raiserAccountId' | 'raiserResidentId' | 'proxy' | 'assigneeResidentId'>,
  ties: Ties = { isNamed: false, isGridWorker: false, isGroupLeader: false },
): Promise<Relation> {
  const me = v.residentIdIn(g.villageId)
  return {
    accountId: v.accountId,
    isRaiser: isRaiser(v, g),
    isProxy: g.proxy?.accountId === v.accountId,
    isCommittee: v.holds(g.villageId, COMMITTEE_ROLES),
    isTownship: await v.oversees(g.villageId),
    inVillage: v.belongsTo(g.villageId),
    isAssignee: me !== null && g.assigneeResidentId === me,
    ...ties,
  }
}

/**
 * The raiser is the account that raised it or the roster person it was raised for: an item filed
 * for someone (代办) before they ever logged in becomes theirs once their account is on the roster.
 */
export const isRaiser = (
  v: Viewer,
  g: Pick<Grievance, 'villageId' | 'raiserAccountId' | 'raiserResidentId'>,
): boolean =>
  (g.raiserAccountId !== null && g.raiserAccountId === v.accountId) ||
  (g.raiserResidentId !== null && v.residentIdIn(g.villageId) === g.raiserResidentId)

/**
 * Those an item is about or who handle it, who read it whatever its visibility: the raiser, whoever
 * filed it for them, the 两委, the township, the person it was handed to and the residents it names.
 */
const handles = (r: Relation): boolean =>
  r.isRaiser || r.isProxy || r.isCommittee || r.isTownship || r.isAssignee || r.isNamed

/**
 * Who sees an item: those who handle it, and everyone of the village a public one once the content
 * check shows it (the township oversees the village's handling, so it reads what the 两委 read, held
 * items included). The grid worker and the 村民小组长 of its people are the first line, not the 两委:
 * an item kept to the 两委 (仅村委会可见, as a 邻里纠纷 is by default) or held by the check opens for
 * them only once it is handed to them.
 */
export const canSee = (r: Relation, g: Pick<Grievance, 'visibility' | 'moderation'>): boolean =>
  handles(r) ||
  (g.visibility === 'public' &&
    r.inVillage &&
    visibleTo(g.moderation, { isAuthor: false, isCommittee: false }))

/** The timeline's formal answers, the village's and the township's. */
export const isAnswer = (e: Pick<GrievanceEvent, 'action'>): boolean =>
  e.action === 'answered' || e.action === 'township_answered'

/**
 * A reply or an answer on the thread: its writer and those who handle the item read it whatever its
 * check says; an answer is read by the raiser (and whoever filed for them) too, as it answers them.
 */
export const seesReply = (
  r: Relation,
  e: Pick<GrievanceEvent, 'actorAccountId' | 'moderation' | 'action'>,
): boolean =>
  answerVisibleTo(e.moderation, {
    isAuthor: e.actorAccountId === r.accountId,
    isCommittee: r.isCommittee || r.isTownship || r.isAssignee,
    isAddressee: isAnswer(e) && (r.isRaiser || r.isProxy),
  })

/** Names are shown to those handling the item and to those it is about; other residents see them masked. */
export const seesNames = (r: Relation): boolean => handles(r) || r.isGridWorker

/**
 * Names on an item the viewer may see: those who see names, and the 村民小组长 of its people, who knows
 * them all; being their group leader opens no item (canSee does not ask).
 */
export const readsNames = (r: Relation): boolean => seesNames(r) || r.isGroupLeader

/** An item one may not see does not exist, as far as they are told. */
export function mustSee(r: Relation, g: Pick<Grievance, 'visibility' | 'moderation'>): void {
  if (!canSee(r, g)) throw new AppException('NOT_FOUND')
}

/** Adding to an item's thread: its raiser, the 两委, or the person it was handed to. */
export function mustBeOnThread(r: Relation): void {
  if (!r.isRaiser && !r.isCommittee && !r.isAssignee) throw new AppException('GRIEVANCE_NOT_YOURS')
}

/** Answering: the 两委, or the grid worker or group leader the item was handed to, and no other of them. */
export function mustAnswer(r: Relation): void {
  if (!r.isCommittee && !r.isAssignee) throw new AppException('GRIEVANCE_NOT_ASSIGNED_TO_YOU')
}

/** "我也遇到" goes on someone else's public item; one's own is not supported by oneself. */
export function mustBeSupportable(
  v: Viewer,
  g: Pick<Grievance, 'villageId' | 'visibility' | 'raiserAccountId' | 'raiserResidentId' | 'moderation'>,
): void {
  const mine = isRaiser(v, g)
  if ((g.visibility !== 'public' || g.moderation !== 'shown') && !mine) throw new AppException('NOT_FOUND')
  if (mine) throw new AppException('GRIEVANCE_OWN_SUPPORT')
}

/** A resident raising, rating, reopening or adding to their own item acts as a villager, whatever else they are. */
export const asResident = (v: Viewer, name?: string | null): Actor => ({
  accountId: v.accountId,
  name: name ?? v.name,
  role: 'resident',
})

/** Roles whose names show on a timeline: people acting for the village or the township, and the system. */
export const OFFICIAL_ROLES: ReadonlySet<string> = new Set([
  'committee_member',
  'party_secretary',
  'grid_worker',
  'group_leader',
  'township_official',
  'system',
])
