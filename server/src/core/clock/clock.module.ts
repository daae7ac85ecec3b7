import { type DynamicModule, Global, Module } from '@nestjs/common'
import type { AppConfig } from '../config/config'
import { Clock } from './clock'
import { ClockController } from './clock.controller'

@Global()
@Module({})
export class ClockModule {
  static forRoot(config: Pick<AppConfig, 'TEST_CLOCK'>): DynamicModule {
    return {
      module: ClockModule,
      providers: [Clock],
      exports: [Clock],
      controllers: config.TEST_CLOCK ? [ClockController] : [],
    }
  }
}
