import { Injectable, type OnModuleInit } from '@nestjs/common'
import {
  COMMITTEE_ROLES,
  petitionPage,
  type PetitionListQuery,
  type PetitionPage,
  type PetitionPaperSheetView,
  type PetitionView,
} from '@xiangli/shared'
import type { Viewer } from '../../../core/access/viewer'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { ContentCheckService } from '../../content-check/content-check.service'
import { RosterDirectory } from '../../roster/roster-directory'
import {
  SHEET_READERS,
  canConvene,
  canRecordPaper,
  isInitiator,
  seesPetition,
  signRefusal,
} from '../petitions.policy'
import { petitionSummary, petitionView } from '../petitions.presenter'
import { PetitionsRepository } from '../petitions.repository'
import { PetitionCounting } from './petition-counting'

/** The village's petitions, and one with its count against the threshold and what the viewer may do. */
@Injectable()
export class PetitionReads implements OnModuleInit {
  constructor(
    private readonly repo: PetitionsRepository,
    private readonly counting: PetitionCounting,
    private readonly checks: ContentCheckService,
    private readonly roster: RosterDirectory,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    // a petition's title and text pass the content check before the village reads and signs it
    this.checks.register('petition', {
      apply: (m, id, moderation) => this.repo.setModeration(m, id, moderation),
      linkOf: (c) => petitionPage(c.itemId, c.villageId),
    })
  }

  async list(a: ActingContext, q: PetitionListQuery): Promise<PetitionPage> {
    const all = a.viewer.holds(a.villageId, COMMITTEE_ROLES)
    const [rows, total] = await this.repo.page(
      a.villageId,
      q,
      all ? { all } : { accountId: a.viewer.accountId },
    )
    const counts = await this.repo.signatureCounts(rows.map((p) => p.id))
    const reasons = await this.checks.reasons(
      'petition',
      rows.filter((p) => p.moderation === 'rejected').map((p) => p.id),
    )
    return {
      items: rows.map((p) => petitionSummary(p, counts.get(p.id) ?? 0, reasons.get(p.id))),
      total,
      page: q.page,
      pageSize: q.pageSize,
    }
  }

  async detail(a: ActingContext, id: number): Promise<PetitionView> {
    const p = await this.repo.find(a.villageId, id)
    if (!p || !seesPetition(a.viewer, p)) throw new AppException('NOT_FOUND')
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
    const reason =
      p.moderation === 'rejected' ? (await this.checks.reasons('petition', [p.id])).get(p.id) : null
    return petitionView(p, {
      rejectedReason: reason,
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
