import { Controller, Get, Param } from '@nestjs/common'
import { Access } from '../../core/auth/access.decorator'
import { IdPipe } from '../../core/http/id.pipe'
import { NoticesService } from './notices.service'

/** The H5 share URL of a published notice: anyone may read it, without logging in. */
@Controller('api/public/notices')
export class PublicNoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get(':id')
  @Access.public()
  read(@Param('id', IdPipe) id: number) {
    return this.notices.publicView(id)
  }
}
