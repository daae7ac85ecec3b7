/** Walks the audit chain and prints the first broken link. Exit code 0 when the chain is whole. */
import 'reflect-metadata'
import { DataSource } from 'typeorm'
import { loadConfig } from '../core/config/config'
import { dataSourceOptions, databaseTarget } from '../core/database/data-source'
import { ENTITIES } from '../entities'
import { verifyChain } from './verify-chain'

async function main(): Promise<void> {
  const config = loadConfig()
  const ds = new DataSource(dataSourceOptions(databaseTarget(config), ENTITIES))
  await ds.initialize()
  try {
    const result = await verifyChain(ds)
    if (result.ok)
      console.log(`审计记录完整：共核对 ${result.checked} 条 (audit chain intact, ${result.checked} entries)`)
    else
      console.log(
        `审计记录被改动：${result.problem} (first broken entry: ${result.firstBrokenSeq}; ${result.table} ${result.recordId})`,
      )
    process.exitCode = result.ok ? 0 : 2
  } finally {
    await ds.destroy()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
