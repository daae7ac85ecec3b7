import { Module } from '@nestjs/common'
import { HealthRepository } from './health.repository'
import { HealthController } from './http/health.controller'

@Module({ controllers: [HealthController], providers: [HealthRepository] })
export class HealthModule {}
