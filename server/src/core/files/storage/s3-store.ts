import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { Readable } from 'node:stream'
import { checkKey, type ObjectStore } from './object-store'

export interface S3Settings {
  endpoint?: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  forcePathStyle: boolean
}

/** The answer of a missing key (GET says NoSuchKey, HEAD only 404). */
function notFound(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } }
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404
}

/** Objects in one private bucket of an S3-protocol store (Tencent COS, MinIO, AWS S3). */
export class S3Store implements ObjectStore {
  readonly kind = 's3'
  private readonly client: S3Client
  private readonly bucket: string

  constructor(s: S3Settings) {
    this.bucket = s.bucket
    this.client = new S3Client({
      ...(s.endpoint ? { endpoint: s.endpoint } : {}),
      region: s.region,
      forcePathStyle: s.forcePathStyle,
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
      // COS and MinIO take the classic checksums; the newer default ones are not understood everywhere
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
  }

  async ready(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }))
    } catch (e) {
      const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } }
      const status = err.$metadata?.httpStatusCode
      throw new Error(
        `S3_BUCKET: cannot reach bucket ${this.bucket}${status ? ` (HTTP ${status})` : ''}: ${err.name ?? ''} ${err.message ?? ''}`.trim(),
      )
    }
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: checkKey(key),
        Body: bytes,
        ContentType: contentType,
      }),
    )
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }))
      return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : Buffer.alloc(0)
    } catch (e) {
      if (notFound(e)) return null
      throw e
    }
  }

  async stream(key: string): Promise<Readable | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }))
      if (!res.Body) return Readable.from([])
      return res.Body instanceof Readable ? res.Body : Readable.from([await res.Body.transformToByteArray()])
    } catch (e) {
      if (notFound(e)) return null
      throw e
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }))
      return true
    } catch (e) {
      if (notFound(e)) return false
      throw e
    }
  }

  async *list(): AsyncIterable<string> {
    let token: string | undefined
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, ...(token ? { ContinuationToken: token } : {}) }),
      )
      for (const o of page.Contents ?? []) if (o.Key) yield o.Key
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }))
  }

  signedUrl(key: string, ttlSeconds: number): Promise<string | null> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }), {
      expiresIn: ttlSeconds,
    })
  }

  /** Closes the connections, at shutdown. */
  onModuleDestroy(): void {
    this.client.destroy()
  }
}
