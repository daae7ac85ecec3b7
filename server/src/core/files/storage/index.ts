import type { AppConfig } from '../../config/config'
import { DiskStore } from './disk-store'
import type { ObjectStore } from './object-store'
import { S3Store } from './s3-store'

export { OBJECT_STORE, type ObjectStore } from './object-store'

/** The store the settings choose: the bucket when S3_BUCKET is set, else the folder UPLOAD_DIR. */
export function objectStoreFor(c: AppConfig): ObjectStore {
  if (!c.S3_BUCKET) return new DiskStore(c.UPLOAD_DIR)
  return new S3Store({
    ...(c.S3_ENDPOINT ? { endpoint: c.S3_ENDPOINT } : {}),
    bucket: c.S3_BUCKET,
    region: c.S3_REGION,
    // both present: the config refuses a bucket without them
    accessKeyId: c.S3_ACCESS_KEY_ID!,
    secretAccessKey: c.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: c.S3_FORCE_PATH_STYLE,
  })
}
