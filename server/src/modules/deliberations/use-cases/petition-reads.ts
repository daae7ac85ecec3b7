import { Injectable } from '@nestjs/common'
import type { PetitionListQuery, PetitionPage, PetitionPaperSheetView, PetitionView } from '@xiangli/shared'
import type { Viewer } from '../../../core/access/viewer'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { RosterDirectory } from '../../roster/roster-directory'
import { SHEET_READERS, canConvene, canRecordPaper, isInitiator, signRefusal } from '../petitions.policy'
import { petitionSummary, petitionView } from '../petitions.presenter'
import { PetitionsRepository } from '../petitions.repository'
import { PetitionCounting } from './petition-counting'

/** The village's petitions, and one with its count against the threshold and what the viewer may do. */
@Injectable()
export class PetitionReads {
  constructor(
    private readonly repo: PetitionsRepository,
    private readonly counting: PetitionCounting,
    private readonly roster: RosterDirectory,
    private readonly files: FilesService,
  ) {}

  async list(a: ActingContext, q: PetitionListQuery): Promise<PetitionPage> {
    const [rows, total] = await this.repo.page(a.villageId, q)
    const counts = await this.repo.signatureCounts(rows.map((p) => p.id))
    return {
      items: rows.map((p) => petitionSummary(p, counts.get(p.id) ?? 0)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    }
  }

  async detail(a: ActingContext, id: number): Promise<PetitionView> {
    const p = await this.repo.find(a.villageId, id)
    if (!p) throw new AppException('NOT_FOUND')
    const check = await this.counting.check(p)
    const signatures = await this.repo.countSignatures(p.id)
    const me = a.viewer.residentIdIn(a.villageId)
    const signedByMe = me ? await this.repo.hasSigned(p.id, me) : false
    const cannotSignReason = await signRefusal({
      signedByMe,
      status: p.status,
      target: p.target,
      eligible: async () =>
        (await this.counting.standing(a.viewer, a.villageId, p.target, new Date()))?.eligible ?? false,
    })
    return petitionView(p, {
      signatures,
      check,
      signedByMe,
      cannotSignReason,
      isMine: isInitiator(a.viewer, p),
      canConvene: canConvene(a.viewer, p),
      paperSheets: await this.sheets(a.viewer, a.villageId, p.id),
      canRecordPaper: canRecordPaper(a.viewer, p),
    })
  }

  /** The petition's paper sheets as the viewer sees them: the photo only for staff and overseers. */
  private async sheets(v: Viewer, villageId: number, petitionId: number): Promise<PetitionPaperSheetView[]> {
    const sheets = await this.repo.sheets(petitionId)
    if (sheets.length === 0) return []
    const names = await this.roster.names([...new Set(sheets.flatMap((s) => s.notEligible))])
    const seesPhoto = v.holds(villageId, SHEET_READERS)
    return sheets.map((s) => ({
      id: s.id,
      recordedAt: s.recordedAt.toISOString(),
      recordedByName: s.recordedByName,
      counted: s.counted.length,
      alreadySigned: s.alreadySigned.length,
      notEligible: s.notEligible.map((rid) => names.get(rid) ?? ''),
      photoUrl: seesPhoto ? this.files.signedUrl(s.photoId) : null,
    }))
  }
}
