/**
 * Writes a migration for each database from the difference between the entities and the schema the
 * existing migrations build. Run: pnpm --filter server migration:generate AddSomething
 */
import 'reflect-metadata'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DataSource } from 'typeorm'
import { openForSchemaDiff, type Dialect } from '../core/database/data-source'
import { freshDatabase } from '../core/database/test-databases'
import { ENTITIES } from '../entities'

const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')

async function generate(dialect: Dialect, name: string, stamp: number, srcDir: string): Promise<boolean> {
  const { target, drop } = await freshDatabase(
    dialect,
    process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test',
  )
  let ds: DataSource | null = null
  try {
    ds = await openForSchemaDiff(target, ENTITIES)
    await ds.runMigrations()
    const sql = await ds.driver.createSchemaBuilder().log()
    if (sql.upQueries.length === 0) {
      console.log(`${dialect}: entities and migrations agree; nothing to generate`)
      return false
    }
    const cls = `${name}${stamp}${dialect === 'mysql' ? 'Mysql' : 'Sqlite'}`
    const up = sql.upQueries.map((q) => `    await queryRunner.query(\`${esc(q.query)}\`)`).join('\n')
    const down = sql.downQueries
      .reverse()
      .map((q) => `    await queryRunner.query(\`${esc(q.query)}\`)`)
      .join('\n')
    const file = `${stamp}-${name}`
    writeFileSync(
      join(srcDir, 'migrations', dialect, `${file}.ts`),
      `import type { MigrationInterface, QueryRunner } from 'typeorm'\n\nexport class ${cls} implements MigrationInterface {\n  name = '${cls}'\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    )
    const indexPath = join(srcDir, 'migrations', dialect, 'index.ts')
    const constName = dialect === 'mysql' ? 'MYSQL_MIGRATIONS' : 'SQLITE_MIGRATIONS'
    const index = readFileSync(indexPath, 'utf8')
    const imports = [...index.matchAll(/^import .*$/gm)].map((m) => m[0])
    const names = [...index.matchAll(/^import \{ (\w+) \}/gm)].map((m) => m[1])
    imports.push(`import { ${cls} } from './${file}'`)
    names.push(cls)
    writeFileSync(
      indexPath,
      `${imports.join('\n')}\n\nexport const ${constName}: Function[] = [${names.join(', ')}]\n`,
    )
    console.log(`${dialect}: wrote migrations/${dialect}/${file}.ts (${sql.upQueries.length} statements)`)
    return true
  } finally {
    if (ds?.isInitialized) await ds.destroy()
    await drop()
  }
}

async function main(): Promise<void> {
  const name = process.argv[2]
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: migration:generate PascalCaseName')
  const srcDir = join(__dirname, '..', '..', 'src')
  const stamp = Date.now()
  for (const dialect of ['sqlite', 'mysql'] as const) await generate(dialect, name, stamp, srcDir)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
