import { Global, Module } from '@nestjs/common'
import { OrgsController } from './orgs.controller'
import { OrgsService } from './orgs.service'

@Global()
@Module({ controllers: [OrgsController], providers: [OrgsService], exports: [OrgsService] })
export class OrgsModule {}
