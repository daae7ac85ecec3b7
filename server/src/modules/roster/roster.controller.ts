import { Controller, Get, Header, Post, Query } from '@nestjs/common'
import { pageQuerySchema, residentQuerySchema, type PageQuery, type ResidentQuery } from '@xiangli/shared'
import { Access } from '../../core/auth/access.decorator'
import { Acting, type ActingContext } from '../../core/auth/current.decorator'
import { Upload, type UploadedFile } from '../../core/http/upload.decorator'
import { zod } from '../../core/http/zod.pipe'
import { ROSTER_TEMPLATE_CSV } from './roster-file'
import { RosterService } from './roster.service'

const ROSTER_READERS = ['committee_member', 'party_secretary', 'supervisor'] as const
const ROSTER_WRITERS = ['committee_member', 'party_secretary'] as const

@Controller('api/villages/:villageId')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Get('residents')
  @Access.village(ROSTER_READERS, { township: true })
  residents(@Acting() a: ActingContext, @Query(zod(residentQuerySchema)) q: ResidentQuery) {
    return this.roster.listResidents(a.villageId, q, a.principal)
  }

  @Get('households')
  @Access.village(ROSTER_READERS, { township: true })
  households(@Acting() a: ActingContext, @Query(zod(pageQuerySchema)) q: PageQuery) {
    return this.roster.listHouseholds(a.villageId, q.page, q.pageSize)
  }

  @Post('roster/import')
  @Access.village(ROSTER_WRITERS)
  import(@Acting() a: ActingContext, @Upload() file: UploadedFile) {
    return this.roster.import(a.villageId, file.buffer, file.filename, a.actor)
  }

  @Get('roster/template')
  @Access.village(ROSTER_WRITERS)
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="roster-template.csv"')
  template() {
    return ROSTER_TEMPLATE_CSV
  }
}
