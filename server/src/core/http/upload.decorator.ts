import { createParamDecorator, ExecutionContext, PipeTransform } from '@nestjs/common'
import type { FastifyRequest } from 'fastify'
import { AppException } from '../errors/app.exception'

export interface UploadedFile {
  filename: string
  mimetype: string
  buffer: Buffer
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

class ReadUploadPipe implements PipeTransform<FastifyRequest, Promise<UploadedFile>> {
  constructor(private readonly field: string) {}

  async transform(req: FastifyRequest): Promise<UploadedFile> {
    if (!req.isMultipart()) throw new AppException('VALIDATION_FAILED', undefined, '请选择要上传的文件')
    let part
    try {
      part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })
    } catch {
      throw new AppException('VALIDATION_FAILED', undefined, '上传的文件不完整，请重新上传')
    }
    if (!part || part.fieldname !== this.field)
      throw new AppException('VALIDATION_FAILED', undefined, '请选择要上传的文件')
    let buffer: Buffer
    try {
      buffer = await part.toBuffer()
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 413) throw new AppException('PAYLOAD_TOO_LARGE')
      throw new AppException('VALIDATION_FAILED', undefined, '上传的文件不完整，请重新上传')
    }
    if (buffer.length === 0) throw new AppException('VALIDATION_FAILED', undefined, '上传的文件是空的')
    return { filename: part.filename, mimetype: part.mimetype, buffer }
  }
}

const RawRequest = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  ctx.switchToHttp().getRequest(),
)

/** The one file of a multipart upload, read into memory (at most 5 MB). */
export const Upload = (field = 'file') => RawRequest(undefined, new ReadUploadPipe(field))
