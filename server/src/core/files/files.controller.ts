import { Controller, Header, Headers, Res } from '@nestjs/common'
import type { FastifyReply } from 'fastify'
import { fileRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Acting, type ActingContext } from '../auth/current.decorator'
import { sendFile } from '../http/file-reply'
import { Handle, In } from '../http/route'
import { Upload, type UploadedFile } from '../http/upload.decorator'
import { FilesService } from './files.service'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** A photo for an item the person is about to send; township officials answer with photos too. */
  @Handle(R.uploadPhoto)
  upload(@Acting() a: ActingContext, @Upload(R.uploadPhoto.upload) file: UploadedFile) {
    return this.files.storePhoto(a.villageId, a.viewer.accountId, file)
  }

  /** A photo or a document (PDF, .xlsx, .csv) to attach to a notice. */
  @Handle(R.uploadAttachment)
  uploadAttachment(@Acting() a: ActingContext, @Upload(R.uploadAttachment.upload) file: UploadedFile) {
    return this.files.storeAttachment(a.villageId, a.viewer.accountId, file)
  }

  /**
   * Public so that a signed link (`?exp=…&sig=…`, as the views hand out) works in `<Image src>`; without
   * one the service asks for the login token and checks who may see the file, as before. The bytes are
   * streamed from the object store through here, never a redirect to the bucket (docs/architecture.md).
   */
  @Handle(R.read)
  @Header('cache-control', 'private, max-age=86400')
  @Header('x-content-type-options', 'nosniff')
  async read(
    @In() i: Args<'read'>,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendFile(reply, await this.files.read(i.params.id, i.query, authorization, i.query.size ?? 'full'))
  }
}
