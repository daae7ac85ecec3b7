import { Global, Module } from '@nestjs/common'
import { ProxyController } from './http/proxy.controller'
import { ProxyGate } from './proxy-gate'
import { ProxyCandidates } from './use-cases/proxy-candidates'

/** 代办: who may file for whom, with what consent; the features write the items themselves. */
@Global()
@Module({
  controllers: [ProxyController],
  providers: [ProxyGate, ProxyCandidates],
  exports: [ProxyGate],
})
export class ProxyModule {}
