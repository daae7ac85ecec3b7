import { Module } from '@nestjs/common'
import { VerificationModule } from '../verification/verification.module'
import { HomeController } from './http/home.controller'
import { VillageHome } from './use-cases/village-home'

@Module({ imports: [VerificationModule], controllers: [HomeController], providers: [VillageHome] })
export class HomeModule {}
