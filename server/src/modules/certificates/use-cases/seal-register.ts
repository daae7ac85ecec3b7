import { Injectable } from '@nestjs/common'
import { loadExcel } from '../../../core/lazy-modules'
import { SEAL_USE_COLUMNS, type SealRegisterQuery, type SealUseEntry } from '@xiangli/shared'
import type { FileDownload } from '../../../core/http/file-reply'
import { OrgsService } from '../../orgs/orgs.service'
import { presentSealLine } from '../certificates.presenter'
import { CertificatesRepository } from '../certificates.repository'
import { DAY, chinaMidnight, chinaTime } from '../certificates.rules'

/** 用印登记: every issuance of a village, as the paper register has it, and the same as a spreadsheet. */
@Injectable()
export class SealRegister {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly orgs: OrgsService,
  ) {}

  /** The lines from the first day to the last, both whole days in China time. */
  async lines(villageId: number, q: SealRegisterQuery): Promise<SealUseEntry[]> {
    const from = chinaMidnight(q.from)
    const to = new Date(chinaMidnight(q.to).getTime() + DAY)
    return (await this.repo.sealLines(villageId, from, to)).map(presentSealLine)
  }

  async xlsx(villageId: number, q: SealRegisterQuery): Promise<FileDownload> {
    const entries = await this.lines(villageId, q)
    const village = await this.orgs.village(villageId)
    const book = new (loadExcel().Workbook)()
    book.creator = '乡里'
    const sheet = book.addWorksheet('用印登记')
    sheet.columns = SEAL_USE_COLUMNS.map((c) => ({
      header: c.label,
      key: c.key,
      width: c.key === 'at' || c.key === 'certificateNumber' ? 24 : 14,
    }))
    for (const e of entries)
      sheet.addRow({ ...e, at: chinaTime(new Date(e.at)) } satisfies Record<keyof SealUseEntry, unknown>)
    sheet.getRow(1).font = { bold: true }
    const bytes = Buffer.from(await book.xlsx.writeBuffer())
    const name = encodeURIComponent(`${village.name}用印登记${q.from}至${q.to}.xlsx`)
    return {
      bytes,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="seal-register-${q.from}-${q.to}.xlsx"; filename*=UTF-8''${name}`,
    }
  }
}
