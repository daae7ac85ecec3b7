import { Global, Module } from '@nestjs/common'
import { ConvenienceServicesPersonalData } from './convenience-services-personal-data.repository'
import { ConvenienceServicesRepository } from './convenience-services.repository'
import { ConvenienceServicesService } from './convenience-services.service'
import { ConvenienceServicesController } from './http/convenience-services.controller'
import { CountyServicesController } from './http/county-services.controller'
import { TownshipServicesController } from './http/township-services.controller'
import { RequestReads } from './use-cases/request-reads'
import { RequestWrites } from './use-cases/request-writes'
import { ServiceCatalogue } from './use-cases/service-catalogue'
import { TownshipServiceStats } from './use-cases/township-stats'

/** 便民服务 (一门式): the county's catalogue, residents' requests and the desk's 帮办代办 hand-offs. */
@Global()
@Module({
  controllers: [ConvenienceServicesController, TownshipServicesController, CountyServicesController],
  providers: [
    ConvenienceServicesRepository,
    ServiceCatalogue,
    RequestReads,
    RequestWrites,
    TownshipServiceStats,
    ConvenienceServicesService,
    ConvenienceServicesPersonalData,
  ],
  exports: [ConvenienceServicesService, ConvenienceServicesPersonalData],
})
export class ConvenienceServicesModule {}
