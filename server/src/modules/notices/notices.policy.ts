import {
  answerVisibleTo,
  visibleTo,
  NOTICE_OVERSEERS,
  NOTICE_REVIEWERS,
  NOTICE_WRITERS,
  transitionNotice,
  type NoticeEvent,
  type NoticeView,
  type Role,
} from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import { AppException } from '../../core/errors/app.exception'
import type { NoticeObjection } from './entities/notice-objection.entity'
import type { PublicNotice } from './entities/public-notice.entity'
import { isPublished } from './notices.rules'

/**
 * Who may do what with notices. The routes let in who may call them (the role lists in shared's
 * notice.ts); what is decided here is what depends on the notice or objection at hand.
 */

/** How the person reading relates to a village's notices. */
export interface Reader {
  accountId: number
  /** the reader's roster row in the village: objections filed for them (代办) are theirs */
  residentId: number | null
  /** 两委: draft, publish, correct */
  isCommittee: boolean
  /** 监督委员会: review, opinion */
  isSupervisor: boolean
  /** an official of the township looking in, acting as one */
  isTownship: boolean
  /** the villager group of the reader's household: group notices are for that group */
  groupId: number | null
}

/** The reader a village route's caller is, acting in `role` (township_official when let in from above). */
export const readerIn = (v: Viewer, villageId: number, role: Role, groupId: number | null): Reader => ({
  accountId: v.accountId,
  residentId: v.residentIdIn(villageId),
  isCommittee: v.holds(villageId, NOTICE_WRITERS),
  isSupervisor: v.holds(villageId, NOTICE_REVIEWERS),
  isTownship: role === 'township_official',
  groupId,
})

/** A township official on one of the township's own routes. */
export const townshipReader = (v: Viewer): Reader => ({
  accountId: v.accountId,
  residentId: null,
  isCommittee: false,
  isSupervisor: false,
  isTownship: true,
  groupId: null,
})

/** The 两委 and the supervision committee see notices in every state. */
export const manages = (r: Reader): boolean => r.isCommittee || r.isSupervisor

/** ...and with the township, every objection with the objector's name, and every group's notices. */
export const oversees = (r: Reader): boolean => manages(r) || r.isTownship

/**
 * A notice not yet published does not exist for those who do not manage notices; one the content
 * check has not shown, for those who do not oversee them.
 */
export function mustSee(r: Reader, n: Pick<PublicNotice, 'state' | 'moderation'>): void {
  if (!isPublished(n) && !manages(r)) throw new AppException('NOT_FOUND')
  if (n.moderation !== 'shown' && !oversees(r)) throw new AppException('NOT_FOUND')
}

type Objector = Pick<NoticeObjection, 'objectorAccountId' | 'objectorResidentId'>

/** The objector: the account that objected, or the roster person it was filed for (代办) once they log in. */
export const isObjector = (me: { accountId: number; residentId: number | null }, o: Objector): boolean =>
  (o.objectorAccountId !== null && o.objectorAccountId === me.accountId) ||
  (o.objectorResidentId !== null && o.objectorResidentId === me.residentId)

/** Only the objector accepts an answer or takes the objection to the township. */
export function mustBeObjector(v: Viewer, o: Objector & Pick<NoticeObjection, 'villageId'>): void {
  if (!isObjector({ accountId: v.accountId, residentId: v.residentIdIn(o.villageId) }, o))
    throw new AppException('OBJECTION_NOT_YOURS')
}

/** A group's notice is acknowledged by the households of that group. */
export function mustBeInAudience(n: Pick<PublicNotice, 'audienceGroupId'>, groupId: number | null): void {
  if (n.audienceGroupId !== null && groupId !== n.audienceGroupId)
    throw new AppException('NOTICE_NOT_IN_AUDIENCE')
}

/** The 两委 and the township read objections and answers whatever their content check says. */
export const reviewsContent = (r: Pick<Reader, 'isCommittee' | 'isTownship'>): boolean =>
  r.isCommittee || r.isTownship

type Checked = Objector & Pick<NoticeObjection, 'moderation' | 'proxy'>

/** An objection: its objector (and whoever filed it for them), the 两委 and the township; others once shown. */
export const seesObjection = (r: Reader, o: Checked): boolean =>
  visibleTo(o.moderation, {
    isAuthor: isObjector(r, o) || o.proxy?.accountId === r.accountId,
    isCommittee: reviewsContent(r),
  })

/** The 两委's answer: its writer, the 两委, the township and the objector it answers; others once shown. */
export const seesObjectionAnswer = (
  r: Reader,
  o: Checked & Pick<NoticeObjection, 'answerModeration' | 'answeredByAccountId'>,
): boolean =>
  answerVisibleTo(o.answerModeration ?? 'shown', {
    isAuthor: o.answeredByAccountId === r.accountId,
    isCommittee: reviewsContent(r),
    isAddressee: isObjector(r, o),
  })

/** The objector's name is shown to the objector and to those who oversee; others see it masked. */
export const seesObjectorName = (r: Reader, o: Objector): boolean => isObjector(r, o) || oversees(r)

/** What the reader may do with the notice now: the buttons its page shows. */
export function noticeActions(
  r: Reader,
  n: Pick<PublicNotice, 'state' | 'requiresAck' | 'supervisionOpinion'>,
  c: {
    reviewRequired: boolean
    /** its period is open for objections */
    objectable: boolean
    /** the reader is on the village's roster (has a household) */
    onRoster: boolean
    acknowledgedByHousehold: boolean
  },
): NoticeView['actions'] {
  const can = (e: NoticeEvent) => transitionNotice(n.state, e, { reviewRequired: c.reviewRequired }).ok
  const published = isPublished(n)
  const actions: NoticeView['actions'] = []
  if (r.isCommittee) {
    if (can('edit')) actions.push('edit')
    if (can('submit')) actions.push('submit')
    if (can('publish')) actions.push('publish')
    if (published) actions.push('pin', 'correct')
  }
  if (r.isSupervisor) {
    if (n.state === 'in_review') actions.push('review')
    if (published && n.supervisionOpinion === null) actions.push('opinion')
  }
  if (!r.isTownship && c.objectable) actions.push('object')
  if (!r.isTownship && n.requiresAck && published && c.onRoster && !c.acknowledgedByHousehold)
    actions.push('ack')
  return actions
}

/** The 两委 and the supervision committee read every file of their village's notices, drafts included. */
export const readsEveryNoticeFile = (v: Viewer, villageId: number): boolean =>
  v.holds(villageId, NOTICE_OVERSEERS)

/**
 * An objection's photos: its objector, the 两委, the township above, and the supervision committee once
 * the content check shows the objection (or the answer they belong to).
 */
export async function readsObjectionFiles(
  v: Viewer,
  o: Checked &
    Pick<NoticeObjection, 'villageId' | 'answerModeration' | 'answerPhotoIds' | 'answeredByAccountId'>,
  fileId: number,
): Promise<boolean> {
  if (isObjector({ accountId: v.accountId, residentId: v.residentIdIn(o.villageId) }, o)) return true
  if (v.holds(o.villageId, NOTICE_WRITERS) || (await v.oversees(o.villageId))) return true
  if (!v.holds(o.villageId, NOTICE_OVERSEERS)) return false
  // the supervision committee: what the content check has shown
  const r = readerIn(v, o.villageId, 'supervisor', null)
  return (o.answerPhotoIds ?? []).includes(fileId) ? seesObjectionAnswer(r, o) : seesObjection(r, o)
}
