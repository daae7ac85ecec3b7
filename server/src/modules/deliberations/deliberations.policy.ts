import {
  COMMITTEE_ROLES,
  findStep,
  gateEvent,
  OVERSIGHT_ROLES,
  type DeliberationEvent,
  type Role,
} from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import { AppException } from '../../core/errors/app.exception'
import type { Deliberation } from './entities/deliberation.entity'
import type { DeliberationMeeting } from './entities/meeting.entity'

/**
 * Who may do what with deliberations. The routes let in who may call them (the role lists in the
 * contract); the shared procedure (gateEvent) decides who records each step. What is decided here is
 * what depends on the deliberation, the meeting or the file at hand.
 */

/** The roles the caller holds in the village: what the shared procedure is told. */
export const rolesIn = (v: Viewer, villageId: number): readonly Role[] => v.rolesIn(villageId)

/** The shared gate for an event on the current step: order, role and phase. */
export function mustPassGate(v: Viewer, d: Deliberation, type: DeliberationEvent['type']): void {
  const g = gateEvent(d.procedure, d.state, type, d.state.step, [...rolesIn(v, d.villageId)])
  if (!g.ok) throw new AppException(g.code, undefined, g.reason)
}

/** Anyone with a role in the village, or an official of the township above it. */
export async function readsVillage(v: Viewer, villageId: number): Promise<boolean> {
  if (v.rolesIn(villageId).length > 0) return true
  return v.oversees(villageId)
}

/** Every opinion of 一征: the two committees and the supervisors of the village, and the township above it. */
export async function readsAllOpinions(v: Viewer, villageId: number): Promise<boolean> {
  if (v.holds(villageId, OVERSIGHT_ROLES)) return true
  return v.oversees(villageId)
}

/**
 * Opinions the content check has not shown: the 两委 and the township read them (and the writer their
 * own); the supervisors read what is shown.
 */
export async function readsUncheckedOpinions(v: Viewer, villageId: number): Promise<boolean> {
  if (v.holds(villageId, COMMITTEE_ROLES)) return true
  return v.oversees(villageId)
}

/** The sign-in list is for the clerk; a member sees only their own line. */
export const seesSignInList = (v: Viewer, villageId: number): boolean =>
  v.holds(villageId, ['committee_member', 'party_secretary'])

/** Those who record the meeting's step (the shared procedure's recorders) record its minutes too. */
export function mayRecord(v: Viewer, d: Deliberation, meeting: Pick<DeliberationMeeting, 'step'>): boolean {
  const step = findStep(d.procedure, meeting.step)
  return step !== undefined && v.holds(d.villageId, step.recorders)
}

/** ...and only they; a meeting's records are refused to everyone else. */
export function mustRecord(v: Viewer, d: Deliberation, meeting: Pick<DeliberationMeeting, 'step'>): void {
  if (!mayRecord(v, d, meeting)) throw new AppException('DELIBERATION_ROLE_NOT_ALLOWED')
}

/** A supervisor other than the one who recorded it confirms a paper notice, before the meeting opens. */
export const mayConfirmPaperNotice = (v: Viewer, villageId: number, meeting: DeliberationMeeting): boolean =>
  meeting.status === 'scheduled' &&
  meeting.paperNoticeAt !== null &&
  meeting.paperNoticeConfirmedAt === null &&
  meeting.paperNoticeByAccountId !== v.accountId &&
  v.holds(villageId, ['supervisor'])

/** A resident on the village's roster gives opinions while 一征 takes them. */
export const mayGiveOpinion = (v: Viewer, villageId: number): boolean => v.residentIdIn(villageId) !== null
