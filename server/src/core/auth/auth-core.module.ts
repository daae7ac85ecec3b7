import { Global, Module } from '@nestjs/common'
import { APP_GUARD } from '@nestjs/core'
import { AccessGuard } from './access.guard'
import { PrincipalService } from './principal.service'
import { TokensService } from './tokens.service'

@Global()
@Module({
  providers: [TokensService, PrincipalService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokensService, PrincipalService],
})
export class AuthCoreModule {}
