import { Global, Module } from '@nestjs/common'
import { JobLeases } from './job-lease.service'
import { JobRunner } from './job-runner'

@Global()
@Module({ providers: [JobLeases, JobRunner], exports: [JobLeases, JobRunner] })
export class JobsModule {}
