import { Module } from '@nestjs/common'
import { Purges } from './purges'

/** The purges of rows no workflow reads any more (core/housekeeping/purges.ts). */
@Module({ providers: [Purges], exports: [Purges] })
export class HousekeepingModule {}
