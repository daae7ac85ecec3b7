/**
 * Copies every object between the server's object store (S3_BUCKET, or UPLOAD_DIR) and a folder,
 * for scripts/backup-db.sh and scripts/restore-db.sh, reading the server's own settings:
 *   node server/dist/cli/object-store.js export <folder>   the store → the folder
 *   node server/dist/cli/object-store.js import <folder>   the folder → the store
 * Prints how many objects it copied.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { loadConfig } from '../core/config/config'
import { objectStoreFor } from '../core/files/storage'

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}
const typeOf = (key: string) => TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream'

async function main(): Promise<void> {
  const [how, folder] = process.argv.slice(2)
  if ((how !== 'export' && how !== 'import') || !folder) {
    console.error('usage: object-store.js export|import <folder>')
    process.exit(64)
  }
  const store = objectStoreFor(loadConfig())
  await store.ready()
  let n = 0
  if (how === 'export') {
    for await (const key of store.list()) {
      const bytes = await store.get(key)
      if (!bytes) continue // deleted meanwhile (a purge)
      const path = join(folder, key)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, bytes)
      n++
    }
  } else {
    for (const e of await readdir(folder, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue
      const key = relative(folder, join(e.parentPath, e.name)).split(sep).join('/')
      await store.put(key, await readFile(join(folder, key)), typeOf(key))
      n++
    }
  }
  ;(store as { onModuleDestroy?: () => void }).onModuleDestroy?.()
  console.log(`${how === 'export' ? 'exported' : 'imported'} ${n} objects (${store.kind})`)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
