import { Global, Module } from '@nestjs/common'
import { AccessTokenStore } from './access-token.store'
import { OutboxWorker } from './outbox.worker'
import { WechatClient } from './wechat.client'

@Global()
@Module({ providers: [AccessTokenStore, WechatClient, OutboxWorker], exports: [WechatClient, OutboxWorker] })
export class WechatModule {}
