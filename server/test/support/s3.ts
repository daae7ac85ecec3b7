import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
// s3rver ships no types: a small S3 protocol server in JavaScript, signatures checked
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (o: Record<string, unknown>) => {
  run(): Promise<AddressInfo>
  close(): Promise<void>
}

/** An S3 protocol server on a free port with one empty bucket, and the settings that point the server at it. */
export interface TestS3 {
  env: Record<string, string>
  bucket: string
  endpoint: string
  close(): Promise<void>
}

/** s3rver's fixed credentials */
const KEY = 'S3RVER'

export async function startTestS3(bucket = 'xiangli-test'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'xiangli-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  return {
    bucket,
    endpoint,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: KEY,
      S3_SECRET_ACCESS_KEY: KEY,
      S3_FORCE_PATH_STYLE: 'true',
    },
    async close() {
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
