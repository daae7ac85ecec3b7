import { Injectable } from '@nestjs/common'
import type { GrievanceCollect, GrievanceView } from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { GridsService } from '../../grids/grids.service'
import { ResidentGrievances } from './resident-grievances'

/**
 * 民情收集: a grid worker raises what they heard on their rounds, naming residents of their own grid.
 * The grid worker is the raiser; the residents named see it among their own issues. (Filing for a
 * resident with their consent, 代办, is another thing: there the resident is the raiser.)
 */
@Injectable()
export class GrievanceCollection {
  constructor(
    private readonly grids: GridsService,
    private readonly residents: ResidentGrievances,
  ) {}

  async collect(a: ActingContext, body: GrievanceCollect): Promise<GrievanceView> {
    if (!(await this.grids.allInGridsOf(a.viewer, a.villageId, body.residentIds)))
      throw new AppException('GRID_RESIDENT_OUTSIDE')
    const { residentIds, ...issue } = body
    return this.residents.open(a, issue, { residentIds })
  }
}
