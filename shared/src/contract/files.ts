/**
 * Files: photos and documents sent before the item they belong to, and reading a stored file with the
 * login token or with a signed link (`?exp=…&sig=…`, as the views hand out, for `<Image src>`).
 */
import { z } from 'zod'
import type { StoredFileView } from '../grievance-api'
import { ANY_VILLAGE_ROLE } from '../roles'
import { access, route, type FileBytes } from './route'

/**
 * The proof of a signed link, taken as it comes (a parameter given twice arrives as a list): the server
 * checks it, and anything wrong, altered or expired is a 404 like a file one may not see.
 */
const linkPart = (what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe(what)
export const fileLinkQuerySchema = z.object({
  exp: linkPart('签名链接的到期时间（秒）'),
  sig: linkPart('签名链接的签名'),
})

/** A photo's thumbnail (a WebP at most 320 pixels wide) for lists; a file without one answers itself. */
export const fileSizeSchema = z
  .enum(['thumb'])
  .optional()
  .describe('thumb：照片的缩略图（WebP，宽不超过 320 像素），用于列表；没有缩略图的文件照常返回原文件')

const uploader = access.village(ANY_VILLAGE_ROLE, { township: true })

export const fileRoutes = {
  uploadPhoto: route<StoredFileView>()({
    method: 'POST',
    path: '/api/villages/:villageId/uploads',
    access: uploader,
    upload: 'file',
    summary:
      '上传一张照片（JPG、PNG 或 WebP，按内容识别；去掉拍摄位置等信息、转正后保存，另存缩略图），随后附在要提交的事项上',
  }),
  uploadAttachment: route<StoredFileView>()({
    method: 'POST',
    path: '/api/villages/:villageId/attachments',
    access: uploader,
    upload: 'file',
    summary: '上传公开事项的附件：照片、PDF 或表格（.xlsx、.csv），按内容识别',
  }),
  read: route<FileBytes>()({
    method: 'GET',
    path: '/api/files/:id',
    access: access.public(),
    query: fileLinkQuerySchema.extend({ size: fileSizeSchema }),
    file: '照片、PDF 或表格，按上传时的类型；照片的缩略图为 WebP',
    summary: '读取一个文件：凭签名链接，或凭登录且有权查看它所属的事项',
  }),
} as const
