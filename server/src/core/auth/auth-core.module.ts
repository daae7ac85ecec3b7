import { Global, Module } from '@nestjs/common'
import { APP_GUARD } from '@nestjs/core'
import { OrgDirectory } from '../access/org-directory'
import { AccessGuard } from './access.guard'
import { PrincipalService } from './principal.service'
import { TokensService } from './tokens.service'

@Global()
@Module({
  providers: [TokensService, PrincipalService, OrgDirectory, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokensService, PrincipalService, OrgDirectory],
})
export class AuthCoreModule {}
