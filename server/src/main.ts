import { ConfigError, loadConfig, type AppConfig } from './core/config/config'
import { createApp } from './bootstrap'
import { databaseTarget } from './core/database/data-source'
import { createLogger, type AppLogger } from './core/logging/logger'

async function main(): Promise<void> {
  let config: AppConfig
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      // plain text, not a log line: it is read by the person starting the server
      console.error(
        `配置有误，服务器未启动 (server not started):\n${e.problems.map((p) => `  - ${p}`).join('\n')}`,
      )
      process.exit(78)
    }
    throw e
  }
  const log = createLogger(config)
  const db = databaseTarget(config)
  const app = await createApp(config, db, log)
  await app.listen({ port: config.PORT, host: config.HOST })
  log.info(
    { publicBaseUrl: config.publicBaseUrl, database: db.dialect },
    `乡里 is listening on ${config.publicBaseUrl} (${db.dialect}${db.dialect === 'sqlite' ? `: ${db.url}` : ''})`,
  )
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => void stop(signal, app, config, log))
}

/**
 * Graceful stop, as an orchestrator or a load balancer's rolling restart asks with SIGTERM: the
 * listening socket closes first (a request arriving on a kept-alive connection is answered 503),
 * requests under way finish, then background jobs under way finish, then the database closes and
 * the process exits 0. Past SHUTDOWN_GRACE_MS it exits 1 anyway.
 */
async function stop(
  signal: string,
  app: Awaited<ReturnType<typeof createApp>>,
  config: AppConfig,
  log: AppLogger,
): Promise<void> {
  log.info({ signal }, 'stopping: the port closes; the requests and jobs under way finish first')
  const late = setTimeout(() => {
    log.error(`still not stopped after SHUTDOWN_GRACE_MS=${config.SHUTDOWN_GRACE_MS}; exiting anyway`)
    process.exit(1)
  }, config.SHUTDOWN_GRACE_MS)
  late.unref()
  try {
    await app.getHttpAdapter().getInstance().close()
    await app.close()
  } catch (e) {
    log.error({ err: e }, 'stopping failed')
    process.exit(1)
  }
  log.info('stopped')
  process.exit(0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
