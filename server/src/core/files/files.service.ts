import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common'
import { createHash, createHmac, hkdfSync, randomUUID, timingSafeEqual } from 'node:crypto'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { DataSource, type EntityManager } from 'typeorm'
import type { StoredFileView } from '@xiangli/shared'
import { authenticate } from '../auth/authenticate'
import type { Principal } from '../auth/principal'
import { PrincipalService } from '../auth/principal.service'
import { TokensService } from '../auth/tokens.service'
import { APP_CONFIG, type AppConfig } from '../config/config'
import { AppException } from '../errors/app.exception'
import type { FileDownload } from '../http/file-reply'
import { MAX_UPLOAD_BYTES, type UploadedFile } from '../http/upload.decorator'
import { TxService } from '../tx/tx.service'
import { StoredFile } from './entities/stored-file.entity'
import { sniffDocument, type DocumentInfo } from './document-type'
import { sniffImage, type ImageInfo } from './image-type'

/** Phones compress before uploading; anything larger is not a photo we want to keep. */
export const MAX_PHOTO_BYTES = MAX_UPLOAD_BYTES

/** Decides whether a person may see a file attached to one kind of workflow item. */
export type AttachmentAccess = (p: Principal, file: StoredFile) => Promise<boolean>

/**
 * How long a signed photo link works. `<Image>` on the phone and `<img>` in a browser cannot send the
 * login token, so the pages that show photos hand out links that carry their own short-lived proof.
 */
export const FILE_LINK_TTL_SECONDS = 3600
/** Expiry is rounded up to this step, so a list reloaded a minute later has the same links and the phone's image cache still works. */
const FILE_LINK_STEP_SECONDS = 600

/** The proof a signed link carries, as it arrives in the query string (anything, until checked). */
export interface FileLinkProof {
  exp?: unknown
  sig?: unknown
}

@Injectable()
export class FilesService implements OnModuleInit {
  private readonly log = new Logger('Files')
  private readonly dir: string
  private readonly access = new Map<string, AttachmentAccess>()
  private readonly linkKey: Buffer

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly tokens: TokensService,
    private readonly principals: PrincipalService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dir = resolve(config.UPLOAD_DIR)
    this.linkKey = Buffer.from(
      hkdfSync('sha256', config.JWT_SECRET, Buffer.alloc(0), 'xiangli:file-links', 32),
    )
  }

  /**
   * A link to a file that works without a login until it expires (one hour, give or take the rounding).
   * Hand it only to someone who may see the file: whoever holds it sees the file until then.
   */
  signedUrl(id: number, now = Date.now()): string {
    const exp =
      Math.ceil((now / 1000 + FILE_LINK_TTL_SECONDS) / FILE_LINK_STEP_SECONDS) * FILE_LINK_STEP_SECONDS
    return `/api/files/${id}?exp=${exp}&sig=${this.linkSignature(id, exp)}`
  }

  private linkSignature(id: number, exp: number): string {
    return createHmac('sha256', this.linkKey).update(`${id}.${exp}`).digest('base64url')
  }

  /** Whether the link's proof is ours, for this file, and not expired; anything malformed is not. */
  private validLink(id: number, proof: FileLinkProof, now: number): boolean {
    const { exp, sig } = proof
    if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp)) return false
    if (typeof sig !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return false
    if (Number(exp) * 1000 <= now) return false
    const expected = Buffer.from(this.linkSignature(id, Number(exp)))
    const given = Buffer.from(sig)
    return given.length === expected.length && timingSafeEqual(given, expected)
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
    return this.store(villageId, accountId, upload, info)
  }

  /** A photo, or a document a notice carries: PDF, .xlsx or .csv, recognised by its bytes. */
  async storeAttachment(villageId: number, accountId: number, upload: UploadedFile): Promise<StoredFileView> {
    if (upload.buffer.length > MAX_PHOTO_BYTES) throw new AppException('PAYLOAD_TOO_LARGE')
    const info = sniffImage(upload.buffer) ?? sniffDocument(upload.buffer)
    if (!info)
      throw new AppException(
        'UNSUPPORTED_FILE',
        { accepted: ['jpg', 'png', 'webp', 'heic', 'pdf', 'xlsx', 'csv'] },
        '只能上传照片、PDF 文件或表格（.xlsx、.csv）',
      )
    return this.store(villageId, accountId, upload, info)
  }

  private async store(
    villageId: number,
    accountId: number,
    upload: UploadedFile,
    info: ImageInfo | DocumentInfo,
  ): Promise<StoredFileView> {
    const width = 'width' in info ? (info.width ?? null) : null
    const height = 'height' in info ? (info.height ?? null) : null
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
        width,
        height,
        storageKey,
        attachedType: null,
        attachedId: null,
      }),
    )
    return {
      id: row.id,
      url: this.signedUrl(row.id),
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

  /**
   * The bytes of a file, for a valid signed link or for a logged-in person who may see it. A link that
   * is wrong, altered or expired is NOT_FOUND, like a file the person may not see, so ids and links
   * reveal nothing. Without a link, the login token is required as on any other route.
   */
  async read(
    id: number,
    proof: FileLinkProof,
    authorization: string | undefined,
    now = Date.now(),
  ): Promise<FileDownload> {
    const linked = proof.exp !== undefined || proof.sig !== undefined
    if (linked && !this.validLink(id, proof, now)) throw new AppException('NOT_FOUND')
    const p = linked ? null : await authenticate(authorization, this.tokens, this.principals)
    const file = await this.ds.getRepository(StoredFile).findOneBy({ id })
    if (!file || (p && !(await this.mayRead(p, file)))) throw new AppException('NOT_FOUND')
    let bytes: Buffer
    try {
      bytes = await readFile(join(this.dir, file.storageKey))
    } catch (e) {
      this.log.error(`file ${file.id} is missing on disk at ${file.storageKey}: ${String(e)}`)
      throw new AppException('NOT_FOUND')
    }
    return { bytes, type: file.mime, disposition: 'inline' }
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
