import { Injectable, type OnModuleInit } from '@nestjs/common'
import {
  isPetitionSignable,
  splitPaperSheet,
  type PaperSheetRequest,
  type PetitionView,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { hasRoleIn } from '../../../core/auth/principal'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { FILES_OF_PETITION_SHEET, SHEET_READERS } from '../petitions.policy'
import { PetitionsRepository } from '../petitions.repository'
import type { Standing } from '../petitions.rules'
import { PetitionCounting } from './petition-counting'
import { PetitionReads } from './petition-reads'

/**
 * 纸质签名表: a signature stays the person's own, so staff record only what residents signed on paper:
 * the photo of the sheet and who signed it, chosen from the roster. Each person counts once (the
 * signature table's unique key says so); one who signed online and on paper is not counted again.
 */
@Injectable()
export class PetitionPaperSheets implements OnModuleInit {
  constructor(
    private readonly repo: PetitionsRepository,
    private readonly counting: PetitionCounting,
    private readonly reads: PetitionReads,
    private readonly files: FilesService,
    private readonly tx: TxService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.files.registerAccess(FILES_OF_PETITION_SHEET, (p, file) =>
      Promise.resolve(hasRoleIn(p, file.villageId, SHEET_READERS) !== null),
    )
  }

  async record(a: ActingContext, id: number, body: PaperSheetRequest): Promise<PetitionView> {
    await this.tx.run(async (m) => {
      const p = await this.repo.find(a.villageId, id, m, true)
      if (!p) throw new AppException('NOT_FOUND')
      if (!isPetitionSignable(p.status)) throw new AppException('PETITION_CLOSED')
      const now = new Date()
      const standings = new Map<number, Standing>()
      for (const rid of new Set(body.residentIds)) {
        const s = await this.counting.standingOfResident(a.villageId, rid, p.target, now, m)
        if (!s) throw new AppException('PROXY_RESIDENT_NOT_FOUND')
        standings.set(rid, s)
      }
      const ids = [...standings.keys()]
      const split = splitPaperSheet(ids, await this.repo.signedAmong(m, p.id, ids), (rid) =>
        Boolean(standings.get(rid)?.eligible),
      )
      if (split.counted.length + split.alreadySigned.length === 0)
        throw new AppException('PETITION_SHEET_EMPTY')
      const sheet = await this.repo.insertSheet(m, {
        petitionId: p.id,
        villageId: p.villageId,
        photoId: body.photoId,
        ...split,
        recordedByAccountId: a.viewer.accountId,
        recordedByName: Array.from(a.viewer.name).slice(0, 30).join(''),
      })
      const owner = { villageId: a.villageId, accountId: a.viewer.accountId }
      if (
        !(await this.files.attach(m, [body.photoId], owner, { type: FILES_OF_PETITION_SHEET, id: sheet.id }))
      )
        throw new AppException('PETITION_SHEET_PHOTO_INVALID')
      for (const rid of split.counted) {
        const s = standings.get(rid)!
        await this.repo.insertSignature(m, {
          petitionId: p.id,
          residentId: s.residentId,
          householdId: s.householdId,
          accountId: null,
          sheetId: sheet.id,
          asAdult: s.asAdult,
          asRepresentative: s.asRepresentative,
        })
      }
      await this.audit.append(m, {
        actor: a.actor,
        action: 'petition.paper_sheet_recorded',
        orgId: p.villageId,
        targetType: 'petition',
        targetId: p.id,
        after: { sheetId: sheet.id, photoId: body.photoId, ...split },
      })
      await this.counting.reachIfForced(m, p)
    })
    return this.reads.detail(a, id)
  }
}
