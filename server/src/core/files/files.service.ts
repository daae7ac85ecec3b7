import { Inject, Injectable, Logger, OnModuleInit, StreamableFile } from '@nestjs/common'
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { DataSource, type EntityManager } from 'typeorm'
import type { StoredFileView } from '@xiangli/shared'
import type { Principal } from '../auth/principal'
import { APP_CONFIG, type AppConfig } from '../config/config'
import { AppException } from '../errors/app.exception'
import { MAX_UPLOAD_BYTES, type UploadedFile } from '../http/upload.decorator'
import { TxService } from '../tx/tx.service'
import { StoredFile } from './entities/stored-file.entity'
import { sniffImage } from './image-type'

/** Phones compress before uploading; anything larger is not a photo we want to keep. */
export const MAX_PHOTO_BYTES = MAX_UPLOAD_BYTES

/** Decides whether a person may see a file attached to one kind of workflow item. */
export type AttachmentAccess = (p: Principal, file: StoredFile) => Promise<boolean>

export const fileUrl = (id: number): string => `/api/files/${id}`

@Injectable()
export class FilesService implements OnModuleInit {
  private readonly log = new Logger('Files')
  private readonly dir: string
  private readonly access = new Map<string, AttachmentAccess>()

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dir = resolve(config.UPLOAD_DIR)
  }

  /** A folder that cannot be created stops the server at boot, naming the setting, not at the first upload. */
  async onModuleInit(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true })
    } catch (e) {
      throw new Error(`UPLOAD_DIR: cannot create ${this.dir}: ${(e as Error).message}`)
    }
  }

  /** A workflow that attaches files says who may see them; the files module knows no workflow. */
  registerAccess(type: string, rule: AttachmentAccess): void {
    this.access.set(type, rule)
  }

  async storePhoto(villageId: number, accountId: number, upload: UploadedFile): Promise<StoredFileView> {
    if (upload.buffer.length > MAX_PHOTO_BYTES) throw new AppException('PAYLOAD_TOO_LARGE')
    const info = sniffImage(upload.buffer)
    if (!info)
      throw new AppException(
        'UNSUPPORTED_FILE',
        { accepted: ['jpg', 'png', 'webp', 'heic'] },
        '只能上传照片（JPG、PNG、WebP 或 HEIC 格式）',
      )
    const sha256 = createHash('sha256').update(upload.buffer).digest('hex')
    const storageKey = `${sha256.slice(0, 2)}/${sha256}.${info.ext}`
    await this.writeOnce(storageKey, upload.buffer)
    const row = await this.tx.run((m) =>
      m.getRepository(StoredFile).save({
        villageId,
        uploaderAccountId: accountId,
        sha256,
        mime: info.mime,
        size: upload.buffer.length,
        width: info.width ?? null,
        height: info.height ?? null,
        storageKey,
        attachedType: null,
        attachedId: null,
      }),
    )
    return {
      id: row.id,
      url: fileUrl(row.id),
      mime: row.mime,
      size: row.size,
      ...(row.width !== null && row.height !== null ? { width: row.width, height: row.height } : {}),
    }
  }

  /**
   * Attaches a person's own, not yet attached uploads in one village to a workflow item. False when
   * any of them is not such an upload; the caller then refuses and its transaction rolls back.
   */
  async attach(
    m: EntityManager,
    ids: readonly number[],
    owner: { villageId: number; accountId: number },
    to: { type: string; id: number },
  ): Promise<boolean> {
    if (ids.length === 0) return true
    const res = await m
      .createQueryBuilder()
      .update(StoredFile)
      .set({ attachedType: to.type, attachedId: to.id })
      .where(
        'id IN (:...ids) AND villageId = :villageId AND uploaderAccountId = :accountId AND attachedType IS NULL',
        { ids: [...ids], villageId: owner.villageId, accountId: owner.accountId },
      )
      .execute()
    return res.affected === ids.length
  }

  /** The bytes of a file the person may see; anything else is NOT_FOUND, so ids reveal nothing. */
  async read(p: Principal, id: number): Promise<StreamableFile> {
    const file = await this.ds.getRepository(StoredFile).findOneBy({ id })
    if (!file || !(await this.mayRead(p, file))) throw new AppException('NOT_FOUND')
    let bytes: Buffer
    try {
      bytes = await readFile(join(this.dir, file.storageKey))
    } catch (e) {
      this.log.error(`file ${file.id} is missing on disk at ${file.storageKey}: ${String(e)}`)
      throw new AppException('NOT_FOUND')
    }
    return new StreamableFile(bytes, { type: file.mime, length: bytes.length, disposition: 'inline' })
  }

  private async mayRead(p: Principal, file: StoredFile): Promise<boolean> {
    if (file.uploaderAccountId === p.accountId) return true
    const rule = file.attachedType ? this.access.get(file.attachedType) : undefined
    return rule ? rule(p, file) : false
  }

  /** Content-addressed: a file already there has these very bytes. Written whole, then renamed. */
  private async writeOnce(key: string, bytes: Buffer): Promise<void> {
    const path = join(this.dir, key)
    try {
      if ((await stat(path)).size === bytes.length) return
    } catch {
      // not there yet
    }
    await mkdir(dirname(path), { recursive: true })
    const tmp = `${path}.${randomUUID()}.tmp`
    await writeFile(tmp, bytes)
    await rename(tmp, path)
  }
}
