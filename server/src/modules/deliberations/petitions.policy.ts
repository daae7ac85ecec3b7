import {
  COMMITTEE_ROLES,
  OVERSIGHT_ROLES,
  rolesWith,
  isPetitionSignable,
  visibleTo,
  PETITION_SIGNERS_LABELS,
  PETITION_STATUS_LABELS,
  type PetitionStatus,
  type PetitionTarget,
} from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import type { Petition } from './entities/petition.entity'

/** Who may do what with a petition (联名提议). */

/** Photos of paper signature sheets, attached under the sheet's id. */
export const FILES_OF_PETITION_SHEET = 'petition_sheet'

/** Who records paper sheets: those who act for residents. */
export const SHEET_RECORDERS = rolesWith('act_for_residents')

/** Who sees a sheet's photo (names and signatures): those who record sheets and the village's overseers. */
export const SHEET_READERS = [...new Set([...SHEET_RECORDERS, ...OVERSIGHT_ROLES])]

export const canRecordPaper = (v: Viewer, p: Pick<Petition, 'villageId' | 'status'>): boolean =>
  v.holds(p.villageId, SHEET_RECORDERS) && isPetitionSignable(p.status)

/** The one who started it, who alone may withdraw it. */
export const isInitiator = (v: Viewer, p: Pick<Petition, 'initiatorAccountId'>): boolean =>
  p.initiatorAccountId === v.accountId

/** Its initiator and the 两委 see a petition whatever its content check says; others once it is shown. */
export const seesPetition = (
  v: Viewer,
  p: Pick<Petition, 'villageId' | 'moderation' | 'initiatorAccountId'>,
) =>
  visibleTo(p.moderation, { isAuthor: isInitiator(v, p), isCommittee: v.holds(p.villageId, COMMITTEE_ROLES) })

/** The 两委 turn a petition that reached the threshold into a deliberation. */
export const canConvene = (v: Viewer, p: Pick<Petition, 'villageId' | 'status'>): boolean =>
  v.holds(p.villageId, COMMITTEE_ROLES) && p.status === 'reached'

/**
 * Why the viewer cannot sign, as the page says it, or null when they can: once per person, only
 * while the petition is open or reached, and only who counts for its meeting.
 */
export async function signRefusal(s: {
  signedByMe: boolean
  status: PetitionStatus
  target: PetitionTarget
  /** whether the viewer counts for this petition's meeting (is called only when the rest allow) */
  eligible: () => Promise<boolean>
}): Promise<string | null> {
  if (s.signedByMe) return '您已经签过名了'
  if (!isPetitionSignable(s.status)) return `这份联名${PETITION_STATUS_LABELS[s.status]}`
  if (!(await s.eligible())) return `只有${PETITION_SIGNERS_LABELS[s.target]}可以联名`
  return null
}
