import type { Readable } from 'node:stream'

/**
 * Where the bytes of uploads and certificate PDFs live: the local disk (UPLOAD_DIR) by default, an
 * S3-protocol bucket (COS, MinIO) when S3_BUCKET is set. Keys are relative paths such as
 * `ab/ab12….jpg`; the database rows say which key belongs to what and who may read it, the store
 * knows nothing of access.
 */
export interface ObjectStore {
  /** `disk` or `s3`, for logs and the health of the setup */
  readonly kind: 'disk' | 's3'
  /** Checked once at boot, so a wrong folder or bucket stops the server naming the setting. */
  ready(): Promise<void>
  /** Writes the whole object; a reader never sees half of it. Writing a key again replaces it. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>
  /** The whole object, or null when there is none under that key. */
  get(key: string): Promise<Buffer | null>
  /** The object as a stream, or null when there is none under that key. */
  stream(key: string): Promise<Readable | null>
  exists(key: string): Promise<boolean>
  /** Every key, in no particular order (for backups: scripts/backup-db.sh). */
  list(): AsyncIterable<string>
  /** Deletes the object; one that is not there is no error. */
  delete(key: string): Promise<void>
  /**
   * A link that reads the object straight from the store for `ttlSeconds`, or null when the store
   * cannot give one (the disk). The server's own routes do not hand these out (see
   * docs/architecture.md, "Files"); they are for operators' tools.
   */
  signedUrl(key: string, ttlSeconds: number): Promise<string | null>
}

export const OBJECT_STORE = Symbol('OBJECT_STORE')

/** A key is a relative path of plain segments: nothing that could climb out of the folder or bucket. */
export function checkKey(key: string): string {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(key) || key.includes('..'))
    throw new Error(`invalid object key: ${JSON.stringify(key)}`)
  return key
}
