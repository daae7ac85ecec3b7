import { Global, Module } from '@nestjs/common'
import { AccountPersonalData } from './account-personal-data.repository'
import { AccountsDirectory } from './accounts-directory'
import { AuthRepository } from './auth.repository'
import { AuthService } from './auth.service'
import { AuthController } from './http/auth.controller'
import { Login } from './use-cases/login'
import { SessionEnd } from './use-cases/session-end'
import { SessionTokens } from './use-cases/session-tokens'

@Global()
@Module({
  controllers: [AuthController],
  providers: [
    AuthRepository,
    SessionEnd,
    SessionTokens,
    Login,
    AccountsDirectory,
    AuthService,
    AccountPersonalData,
  ],
  exports: [AccountsDirectory, AuthService, AccountPersonalData],
})
export class AuthModule {}
