import {
  moderationView,
  PETITION_STATUS_LABELS,
  PETITION_TARGET_LABELS,
  petitionCriteriaView,
  type PetitionCheck,
  type PetitionPaperSheetView,
  type PetitionSummary,
  type PetitionView,
} from '@xiangli/shared'
import type { Petition } from './entities/petition.entity'

export function petitionSummary(
  p: Petition,
  signatures: number,
  rejectedReason?: string | null,
): PetitionSummary {
  return {
    id: p.id,
    target: p.target,
    targetLabel: PETITION_TARGET_LABELS[p.target],
    title: p.title,
    status: p.status,
    statusLabel: PETITION_STATUS_LABELS[p.status],
    initiatorName: p.initiatorName,
    signatures,
    createdAt: p.createdAt.toISOString(),
    moderation: moderationView(p.moderation, rejectedReason),
  }
}

/** What the viewer sees of a petition: the count against the threshold and what they may do. */
export interface PetitionSeen {
  signatures: number
  check: PetitionCheck
  signedByMe: boolean
  cannotSignReason: string | null
  isMine: boolean
  canConvene: boolean
  rejectedReason?: string | null
  paperSheets: PetitionPaperSheetView[]
  canRecordPaper: boolean
}

export function petitionView(p: Petition, s: PetitionSeen): PetitionView {
  return {
    ...petitionSummary(p, s.signatures, s.rejectedReason),
    text: p.text,
    criteria: petitionCriteriaView(s.check),
    reached: p.status === 'reached' || p.status === 'convened',
    reachedAt: p.reachedAt?.toISOString() ?? null,
    deliberationId: p.deliberationId,
    withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
    signedByMe: s.signedByMe,
    canSign: s.cannotSignReason === null,
    cannotSignReason: s.cannotSignReason,
    isMine: s.isMine,
    canConvene: s.canConvene,
    paperSheets: s.paperSheets,
    canRecordPaper: s.canRecordPaper,
  }
}
