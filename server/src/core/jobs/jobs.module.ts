import { Global, Module } from '@nestjs/common'
import { JobLeases } from './job-lease.service'

@Global()
@Module({ providers: [JobLeases], exports: [JobLeases] })
export class JobsModule {}
