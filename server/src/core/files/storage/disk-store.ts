import { createReadStream } from 'node:fs'
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { Readable } from 'node:stream'
import { checkKey, type ObjectStore } from './object-store'

const missing = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'ENOENT'

/** Objects as files under one folder (UPLOAD_DIR): the embedded default, one instance or a shared folder. */
export class DiskStore implements ObjectStore {
  readonly kind = 'disk'
  private readonly dir: string

  constructor(dir: string) {
    this.dir = resolve(dir)
  }

  private path(key: string): string {
    return join(this.dir, checkKey(key))
  }

  async ready(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true })
    } catch (e) {
      throw new Error(`UPLOAD_DIR: cannot create ${this.dir}: ${(e as Error).message}`)
    }
  }

  /** Written whole under a temporary name, then renamed. */
  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key)
    await mkdir(dirname(path), { recursive: true })
    const tmp = `${path}.${randomUUID()}.tmp`
    await writeFile(tmp, bytes)
    await rename(tmp, path)
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key))
    } catch (e) {
      if (missing(e)) return null
      throw e
    }
  }

  async stream(key: string): Promise<Readable | null> {
    const path = this.path(key)
    try {
      if (!(await stat(path)).isFile()) return null
    } catch (e) {
      if (missing(e)) return null
      throw e
    }
    return createReadStream(path)
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile()
    } catch (e) {
      if (missing(e)) return false
      throw e
    }
  }

  /** Files under the folder, less the temporary ones of writes under way. */
  async *list(): AsyncIterable<string> {
    let entries
    try {
      entries = await readdir(this.dir, { recursive: true, withFileTypes: true })
    } catch (e) {
      if (missing(e)) return
      throw e
    }
    for (const e of entries) {
      if (!e.isFile() || e.name.endsWith('.tmp')) continue
      yield relative(this.dir, join(e.parentPath, e.name)).split(sep).join('/')
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.path(key))
    } catch (e) {
      if (!missing(e)) throw e
    }
  }

  signedUrl(): Promise<string | null> {
    return Promise.resolve(null)
  }
}
