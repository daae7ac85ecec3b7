import { Global, Module } from '@nestjs/common'
import { OutboxWorker } from './outbox.worker'
import { WechatClient } from './wechat.client'

@Global()
@Module({ providers: [WechatClient, OutboxWorker], exports: [WechatClient, OutboxWorker] })
export class WechatModule {}
