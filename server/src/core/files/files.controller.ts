import { Controller, Get, Header, Param, Post } from '@nestjs/common'
import { Access, ANY_VILLAGE_ROLE } from '../auth/access.decorator'
import { Acting, CurrentPrincipal, type ActingContext } from '../auth/current.decorator'
import type { Principal } from '../auth/principal'
import { IdPipe } from '../http/id.pipe'
import { Upload, type UploadedFile } from '../http/upload.decorator'
import { FilesService } from './files.service'

@Controller('api')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** A photo for an item the person is about to send; township officials answer with photos too. */
  @Post('villages/:villageId/uploads')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  upload(@Acting() a: ActingContext, @Upload('file') file: UploadedFile) {
    return this.files.storePhoto(a.villageId, a.principal.accountId, file)
  }

  @Get('files/:id')
  @Access.account()
  @Header('cache-control', 'private, max-age=86400')
  @Header('x-content-type-options', 'nosniff')
  read(@CurrentPrincipal() p: Principal, @Param('id', IdPipe) id: number) {
    return this.files.read(p, id)
  }
}
