import { Controller, Get, Header, Headers, Param, Post, Query } from '@nestjs/common'
import { Access, ANY_VILLAGE_ROLE } from '../auth/access.decorator'
import { Acting, type ActingContext } from '../auth/current.decorator'
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

  /** A photo or a document (PDF, .xlsx, .csv) to attach to a notice. */
  @Post('villages/:villageId/attachments')
  @Access.village(ANY_VILLAGE_ROLE, { township: true })
  uploadAttachment(@Acting() a: ActingContext, @Upload('file') file: UploadedFile) {
    return this.files.storeAttachment(a.villageId, a.principal.accountId, file)
  }

  /**
   * Public so that a signed link (`?exp=…&sig=…`, as the views hand out) works in `<Image src>`; without
   * one the service asks for the login token and checks who may see the file, as before.
   */
  @Get('files/:id')
  @Access.public()
  @Header('cache-control', 'private, max-age=86400')
  @Header('x-content-type-options', 'nosniff')
  read(
    @Param('id', IdPipe) id: number,
    @Query('exp') exp: unknown,
    @Query('sig') sig: unknown,
    @Headers('authorization') authorization: string | undefined,
  ) {
    return this.files.read(id, { exp, sig }, authorization)
  }
}
