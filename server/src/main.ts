import { ConfigError, loadConfig } from './core/config/config'
import { createApp } from './bootstrap'
import { databaseTarget } from './core/database/data-source'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(
        `配置有误，服务器未启动 (server not started):\n${e.problems.map((p) => `  - ${p}`).join('\n')}`,
      )
      process.exit(78)
    }
    throw e
  }
  const db = databaseTarget(config)
  const app = await createApp(config, db)
  await app.listen({ port: config.PORT, host: config.HOST })
  console.log(
    `乡里 is listening on ${config.publicBaseUrl} (${db.dialect}${db.dialect === 'sqlite' ? `: ${db.url}` : ''})`,
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
