import 'reflect-metadata'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { getMetadataArgsStorage } from 'typeorm'
import { ENTITIES } from '../../src/entities'

const SRC = join(__dirname, '..', '..', 'src')

function entityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? entityFiles(join(dir, e.name))
      : e.name.endsWith('.entity.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

describe('the entity lists', () => {
  it('register every entity class under src/ once, through core or its own module', () => {
    const files = entityFiles(SRC)
    expect(files.length).toBeGreaterThan(10)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const f of files) require(f)
    const listed = new Set<Function>(ENTITIES)
    const tables = new Set(getMetadataArgsStorage().tables.map((t) => t.target))
    const unlisted = [...tables]
      .filter((t) => typeof t === 'function' && !listed.has(t))
      .map((t) => (t as Function).name)
    expect(unlisted).toEqual([])
    expect(listed.size).toBe(ENTITIES.length)
  })
})
