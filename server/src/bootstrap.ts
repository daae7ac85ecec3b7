import 'reflect-metadata'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import { Logger } from '@nestjs/common'
import { NestFactory } from '@nestjs/core'
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify'
import multipart from '@fastify/multipart'
import { LogController } from 'fastify'
import { DataSource } from 'typeorm'
import { AppModule } from './app.module'
import type { AppConfig } from './core/config/config'
import { dataSourceOptions, databaseTarget, type DatabaseTarget } from './core/database/data-source'
import { runMigrationsLocked } from './core/database/migrate'
import { ErrorFilter } from './core/errors/error.filter'
import { answerClientError, answerFrameworkError } from './core/errors/edge-errors'
import { TokensService } from './core/auth/tokens.service'
import { createLogger, NestPinoLogger, registerRequestLog, type AppLogger } from './core/logging/logger'
import { registerMetrics } from './core/metrics/metrics'
import { h5StaticOptions } from './core/http/h5-static'
import { registerRateLimits } from './core/http/rate-limits'
import { registerSecurityHeaders } from './core/http/security-headers'
import { MAX_UPLOAD_BYTES } from './core/http/upload.decorator'
import { DemoSeeder } from './modules/demo/demo.seed'
import { ENTITIES } from './entities'

/** Brings the schema up to date before anything else touches the database. */
export async function migrate(db: DatabaseTarget, lockTimeoutSeconds = 300): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(db, ENTITIES))
  await ds.initialize()
  try {
    return await runMigrationsLocked(ds, lockTimeoutSeconds)
  } finally {
    await ds.destroy()
  }
}

/**
 * The application, ready to listen. It does not catch signals: main.ts stops it gracefully on
 * SIGTERM (see there); tests close it themselves.
 */
export async function createApp(
  config: AppConfig,
  db: DatabaseTarget = databaseTarget(config),
  log: AppLogger = createLogger(config),
): Promise<NestFastifyApplication> {
  const ran = await migrate(db, config.MIGRATION_LOCK_TIMEOUT_SECONDS)
  const h5Root = config.H5_DIR ? resolve(config.H5_DIR) : null
  if (h5Root && !existsSync(resolve(h5Root, 'index.html')))
    throw new Error(`H5_DIR: ${h5Root} has no index.html; run pnpm build:h5 first`)
  const adapter = new FastifyAdapter({
    // one JSON stream with Nest's lines (core/logging); each request ends with one line of our own
    loggerInstance: log,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID()
    },
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is believed only from the proxies listed; from anyone else it is the client
    // choosing the address its requests are counted under
    trustProxy: config.TRUST_PROXY.length > 0 ? config.TRUST_PROXY : false,
    // ids are at most ten digits, certificate numbers and region codes a few dozen characters
    maxParamLength: 100,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  })
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, db), adapter, {
    logger: new NestPinoLogger(log),
  })
  if (ran.length) new Logger('Database').log(`migrations applied: ${ran.join(', ')}`)
  const fastify = app.getHttpAdapter().getInstance()
  registerRequestLog(fastify, log)
  registerMetrics(app, config)
  // first, so that every answer carries the headers, a refusal by the rate limit included
  registerSecurityHeaders(app, {
    indexHtml: h5Root ? readFileSync(resolve(h5Root, 'index.html'), 'utf8') : null,
    https: config.publicBaseUrl.startsWith('https://'),
  })
  await registerRateLimits(app, config, app.get(TokensService))
  await app.register(multipart as never, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })
  fastify.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id)
  })
  // Nest routes Fastify's own errors (bad JSON, body too large) through the same filter
  app.useGlobalFilters(new ErrorFilter())

  if (h5Root) {
    // loaded only when serving the H5 app: it pulls in ESM-only packages the test runner cannot load
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fastifyStatic = require('@fastify/static')
    await app.register(fastifyStatic as never, h5StaticOptions(h5Root))
  }
  await app.init()
  if (config.DEMO_ENABLED) await app.get(DemoSeeder).seedIfEmpty()
  return app
}
