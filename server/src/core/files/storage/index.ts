import type { AppConfig } from '../../config/config'
import { DiskStore } from './disk-store'
import type { ObjectStore } from './object-store'
import type { S3Store } from './s3-store'

export { OBJECT_STORE, type ObjectStore } from './object-store'

/** The store the settings choose: the bucket when S3_BUCKET is set, else the folder UPLOAD_DIR. */
export function objectStoreFor(c: AppConfig): ObjectStore {
  if (!c.S3_BUCKET) return new DiskStore(c.UPLOAD_DIR)
  // the AWS SDK (some 20 MB resident) is loaded only by an instance that keeps its files in a bucket
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { S3Store: Store } = require('./s3-store') as { S3Store: typeof S3Store }
  return new Store({
    ...(c.S3_ENDPOINT ? { endpoint: c.S3_ENDPOINT } : {}),
    bucket: c.S3_BUCKET,
    region: c.S3_REGION,
    // both present: the config refuses a bucket without them
    accessKeyId: c.S3_ACCESS_KEY_ID!,
    secretAccessKey: c.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: c.S3_FORCE_PATH_STYLE,
  })
}
