import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DiskStore } from '../../src/core/files/storage/disk-store'
import { checkKey, type ObjectStore } from '../../src/core/files/storage/object-store'
import { S3Store } from '../../src/core/files/storage/s3-store'
import { startTestS3, type TestS3 } from '../support/s3'

const text = async (s: NodeJS.ReadableStream | null): Promise<string | null> => {
  if (!s) return null
  const parts: Buffer[] = []
  for await (const c of s) parts.push(Buffer.from(c as Buffer))
  return Buffer.concat(parts).toString()
}

/** The same promises from both stores: the disk folder and an S3 bucket (s3rver, started here). */
describe.each(['disk', 's3'] as const)('the %s object store', (kind) => {
  let store: ObjectStore
  let dir: string
  let s3: TestS3 | undefined

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xiangli-store-'))
    if (kind === 'disk') store = new DiskStore(dir)
    else {
      s3 = await startTestS3()
      store = new S3Store({
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      })
    }
    await store.ready()
  })
  afterAll(async () => {
    ;(store as S3Store).onModuleDestroy?.()
    await s3?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('puts, reads whole or streamed, tells what exists, and deletes', async () => {
    expect(await store.exists('ab/one.txt')).toBe(false)
    expect(await store.get('ab/one.txt')).toBeNull()
    expect(await store.stream('ab/one.txt')).toBeNull()
    await store.put('ab/one.txt', Buffer.from('第一份'), 'text/plain')
    expect(await store.exists('ab/one.txt')).toBe(true)
    expect((await store.get('ab/one.txt'))?.toString()).toBe('第一份')
    expect(await text(await store.stream('ab/one.txt'))).toBe('第一份')
    await store.put('ab/one.txt', Buffer.from('换过了'), 'text/plain')
    expect((await store.get('ab/one.txt'))?.toString()).toBe('换过了')
    await store.delete('ab/one.txt')
    expect(await store.exists('ab/one.txt')).toBe(false)
    await expect(store.delete('ab/one.txt')).resolves.toBeUndefined()
  })

  it('gives a short-lived direct link only when it is a bucket', async () => {
    await store.put('cd/two.txt', Buffer.from('two'), 'text/plain')
    const url = await store.signedUrl('cd/two.txt', 60)
    if (kind === 'disk') return expect(url).toBeNull()
    expect(url).toMatch(/X-Amz-Expires=60/)
    const res = await fetch(url!)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('two')
    // (s3rver does not check SigV4 signatures, so that a bare or altered link is refused is COS's and MinIO's part)
    expect(url).toMatch(/X-Amz-Signature=[0-9a-f]{64}/)
  })

  it('refuses keys that could leave the folder or bucket', async () => {
    await expect(store.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(
      'invalid object key',
    )
    expect(() => checkKey('/abs')).toThrow()
    expect(() => checkKey('a/../b')).toThrow()
    expect(checkKey('thumbs/ab/ab12.webp')).toBe('thumbs/ab/ab12.webp')
  })
})

describe('an object store that cannot be reached', () => {
  it('stops the boot naming S3_BUCKET', async () => {
    const s3 = await startTestS3()
    const store = new S3Store({
      endpoint: s3.endpoint,
      bucket: 'no-such-bucket',
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    })
    try {
      await expect(store.ready()).rejects.toThrow(
        /^S3_BUCKET: cannot reach bucket no-such-bucket \(HTTP 404\)/,
      )
    } finally {
      store.onModuleDestroy()
      await s3.close()
    }
  })
})
