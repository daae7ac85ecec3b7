import { Global, Module } from '@nestjs/common'
import { RolesController } from './http/roles.controller'
import { RoleHolders } from './role-holders'
import { RolesRepository } from './roles.repository'
import { RoleRegister } from './use-cases/role-register'

@Global()
@Module({
  controllers: [RolesController],
  providers: [RolesRepository, RoleRegister, RoleHolders],
  exports: [RoleHolders],
})
export class RolesModule {}
