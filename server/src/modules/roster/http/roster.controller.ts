import { Controller, Header } from '@nestjs/common'
import { rosterRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../../../core/auth/current.decorator'
import { Handle, In } from '../../../core/http/route'
import { Upload, type UploadedFile } from '../../../core/http/upload.decorator'
import { ROSTER_TEMPLATE_CSV } from '../roster-file'
import { RosterImport } from '../use-cases/roster-import'
import { RosterReads } from '../use-cases/roster-reads'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/** 花名册: its overseers read it; the 两委 import it from a spreadsheet. */
@Controller()
export class RosterController {
  constructor(
    private readonly reads: RosterReads,
    private readonly importer: RosterImport,
  ) {}

  @Handle(R.residents)
  residents(@Acting() a: ActingContext, @In() i: Args<'residents'>) {
    return this.reads.residents(a.viewer, a.villageId, i.query)
  }
  @Handle(R.households)
  households(@Acting() a: ActingContext, @In() i: Args<'households'>) {
    return this.reads.households(a.villageId, i.query)
  }
  @Handle(R.import)
  import(@Acting() a: ActingContext, @Upload(R.import.upload) file: UploadedFile) {
    return this.importer.run(a.villageId, file.buffer, file.filename, a.actor)
  }
  @Handle(R.template)
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="roster-template.csv"')
  template() {
    return ROSTER_TEMPLATE_CSV
  }
}
