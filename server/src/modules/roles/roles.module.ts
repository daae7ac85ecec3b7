import { Global, Module } from '@nestjs/common'
import { RoleHolders } from './role-holders'
import { RolesController } from './roles.controller'
import { RolesService } from './roles.service'

@Global()
@Module({ controllers: [RolesController], providers: [RolesService, RoleHolders], exports: [RoleHolders] })
export class RolesModule {}
