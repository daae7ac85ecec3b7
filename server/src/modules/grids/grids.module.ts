import { Global, Module } from '@nestjs/common'
import { GridsController } from './http/grids.controller'
import { GridsRepository } from './grids.repository'
import { GridsService } from './grids.service'
import { GridReads } from './use-cases/grid-reads'
import { GridRegister } from './use-cases/grid-register'

@Global()
@Module({
  controllers: [GridsController],
  providers: [GridsRepository, GridReads, GridRegister, GridsService],
  exports: [GridsService],
})
export class GridsModule {}
