import { Module } from '@nestjs/common'
import { DeliberationsController } from './deliberations.controller'
import { DeliberationsService } from './deliberations.service'
import { PetitionsController } from './petitions.controller'
import { PetitionsService } from './petitions.service'

@Module({
  controllers: [DeliberationsController, PetitionsController],
  providers: [DeliberationsService, PetitionsService],
  exports: [DeliberationsService, PetitionsService],
})
export class DeliberationsModule {}
