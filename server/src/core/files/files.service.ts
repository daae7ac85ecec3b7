import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common'
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
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
import { encodePhoto } from './photo-encoding'
import { OBJECT_STORE, type ObjectStore } from './storage'

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

/** Which rendition of a file to read: the file itself, or the small WebP lists show for a photo. */
export type FileSize = 'full' | 'thumb'

/** Where a photo's thumbnail is kept: named by the photo's own sha256, so it is made once per content. */
export const thumbKey = (sha256: string): string => `thumbs/${sha256.slice(0, 2)}/${sha256}.webp`

const UNREADABLE_PHOTO = '照片无法读取，请换一张 JPG、PNG 或 WebP 格式的照片再传'

@Injectable()
export class FilesService implements OnModuleInit {
  private readonly log = new Logger('Files')
  private readonly access = new Map<string, AttachmentAccess>()
  private readonly linkKey: Buffer

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly tokens: TokensService,
    private readonly principals: PrincipalService,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
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

  /** A folder that cannot be created or a bucket that cannot be reached stops the server at boot, naming the setting. */
  async onModuleInit(): Promise<void> {
    await this.store.ready()
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
        { accepted: ['jpg', 'png', 'webp'] },
        '只能上传照片（JPG、PNG 或 WebP 格式）',
      )
    return this.keep(villageId, accountId, upload, info)
  }

  /** A photo, or a document a notice carries: PDF, .xlsx or .csv, recognised by its bytes. */
  async storeAttachment(villageId: number, accountId: number, upload: UploadedFile): Promise<StoredFileView> {
    if (upload.buffer.length > MAX_PHOTO_BYTES) throw new AppException('PAYLOAD_TOO_LARGE')
    const info = sniffImage(upload.buffer) ?? sniffDocument(upload.buffer)
    if (!info)
      throw new AppException(
        'UNSUPPORTED_FILE',
        { accepted: ['jpg', 'png', 'webp', 'pdf', 'xlsx', 'csv'] },
        '只能上传照片、PDF 文件或表格（.xlsx、.csv）',
      )
    return this.keep(villageId, accountId, upload, info)
  }

  /**
   * A photo is kept re-encoded, without EXIF (no GPS position), upright, with a thumbnail; a document
   * as it came. Bytes are named by their sha256, so the same content is stored once.
   */
  private async keep(
    villageId: number,
    accountId: number,
    upload: UploadedFile,
    sniffed: ImageInfo | DocumentInfo,
  ): Promise<StoredFileView> {
    let bytes = upload.buffer
    let info = sniffed
    let thumb: Buffer | null = null
    if (sniffed.mime.startsWith('image/')) {
      const photo = await encodePhoto(upload.buffer, sniffed as ImageInfo)
      if (!photo)
        throw new AppException('UNSUPPORTED_FILE', { accepted: ['jpg', 'png', 'webp'] }, UNREADABLE_PHOTO)
      ;({ bytes, info, thumb } = photo)
    }
    const width = 'width' in info ? (info.width ?? null) : null
    const height = 'height' in info ? (info.height ?? null) : null
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const storageKey = `${sha256.slice(0, 2)}/${sha256}.${info.ext}`
    await this.writeOnce(storageKey, bytes, info.mime)
    if (thumb) await this.writeOnce(thumbKey(sha256), thumb, 'image/webp')
    const row = await this.tx.run((m) =>
      m.getRepository(StoredFile).save({
        villageId,
        uploaderAccountId: accountId,
        sha256,
        mime: info.mime,
        size: bytes.length,
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
   * reveal nothing. Without a link, the login token is required as on any other route. `thumb` asks
   * for a photo's thumbnail (a WebP); a file without one (a document, a photo kept before thumbnails
   * were made) answers itself.
   */
  async read(
    id: number,
    proof: FileLinkProof,
    authorization: string | undefined,
    size: FileSize = 'full',
    now = Date.now(),
  ): Promise<FileDownload> {
    const linked = proof.exp !== undefined || proof.sig !== undefined
    if (linked && !this.validLink(id, proof, now)) throw new AppException('NOT_FOUND')
    const p = linked ? null : await authenticate(authorization, this.tokens, this.principals)
    const file = await this.ds.getRepository(StoredFile).findOneBy({ id })
    if (!file || (p && !(await this.mayRead(p, file)))) throw new AppException('NOT_FOUND')
    if (size === 'thumb' && file.mime.startsWith('image/')) {
      const thumb = await this.store.stream(thumbKey(file.sha256))
      if (thumb) return { bytes: thumb, type: 'image/webp', disposition: 'inline' }
    }
    const bytes = await this.store.stream(file.storageKey)
    if (!bytes) {
      this.log.error(`file ${file.id} is missing from the ${this.store.kind} store at ${file.storageKey}`)
      throw new AppException('NOT_FOUND')
    }
    return { bytes, type: file.mime, disposition: 'inline' }
  }

  private async mayRead(p: Principal, file: StoredFile): Promise<boolean> {
    if (file.uploaderAccountId === p.accountId) return true
    const rule = file.attachedType ? this.access.get(file.attachedType) : undefined
    return rule ? rule(p, file) : false
  }

  /** Content-addressed: an object already there has these very bytes. */
  private async writeOnce(key: string, bytes: Buffer, contentType: string): Promise<void> {
    if (await this.store.exists(key)) return
    await this.store.put(key, bytes, contentType)
  }
}
