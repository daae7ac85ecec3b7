import { AsyncLocalStorage } from 'node:async_hooks'
import type { LoggerService } from '@nestjs/common'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import pino, { type DestinationStream, type Logger } from 'pino'
import type { AuthedRequest } from '../auth/access.guard'
import type { AppConfig } from '../config/config'

/**
 * One log stream for the whole process: JSON lines on stdout, one object per line, from Fastify,
 * Nest and TypeORM alike. A line written while a request is handled carries its request id (also
 * sent back as X-Request-Id), the account id once the login is known and the village or township
 * the route acts on. Request and response bodies are never logged: they hold secret ballots, ID
 * numbers and phone numbers. Each request ends with one `request` line: method, the route pattern
 * (not the address, which may hold ids), status and time.
 */
export type AppLogger = Logger

interface RequestScope {
  req: FastifyRequest
}
const scope = new AsyncLocalStorage<RequestScope>()
const SCOPE = Symbol('log scope')

/** who and where a request is about, as far as known so far */
function aboutRequest(req: FastifyRequest): Record<string, number | string> {
  const r = req as AuthedRequest
  const out: Record<string, number | string> = { reqId: String(req.id) }
  if (r.principal) out.accountId = r.principal.accountId
  const params = (req.params ?? {}) as Record<string, string | undefined>
  for (const key of ['villageId', 'townshipId'] as const) {
    const v = params[key]
    if (v && /^[1-9]\d{0,9}$/.test(v)) out[key] = Number(v)
  }
  return out
}

export function createLogger(
  config: Pick<AppConfig, 'LOG_LEVEL'>,
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
): AppLogger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Fastify's own lines name the request by its id; headers would carry the login token
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.body', 'body'],
        remove: true,
      },
      mixin(merge) {
        const s = scope.getStore()
        return s && !('reqId' in merge) ? aboutRequest(s.req) : {}
      },
    },
    destination,
  )
}

/** Nest's Logger (and TypeORM's, through it) writing into the same stream, its context a field. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: AppLogger) {}

  private write(
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    rest: unknown[],
  ) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined
    const stack = level === 'error' && typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : undefined
    const fields = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) }
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message)
    else if (typeof message === 'object' && message !== null) this.pino[level]({ ...fields, ...message })
    else this.pino[level](fields, String(message))
  }

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest)
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest)
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest)
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest)
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest)
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest)
  }
}

/**
 * Carries the request into every line logged while it is handled (the scope is entered again before
 * the handler: reading the body leaves it), and ends each request with its one `request` line.
 */
export function registerRequestLog(fastify: FastifyInstance, log: AppLogger): void {
  fastify.addHook('onRequest', (req, _reply, done) => {
    const s: RequestScope = { req }
    ;(req as { [SCOPE]?: RequestScope })[SCOPE] = s
    scope.run(s, done)
  })
  fastify.addHook('preHandler', (req, _reply, done) => {
    const s = (req as { [SCOPE]?: RequestScope })[SCOPE]
    if (s) scope.run(s, done)
    else done()
  })
  fastify.addHook('onResponse', (req, reply, done) => {
    const status = reply.statusCode
    const level = status >= 500 ? 'error' : 'info'
    log[level](
      {
        ...aboutRequest(req),
        method: req.method,
        route: req.routeOptions?.url ?? null,
        status,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    )
    done()
  })
}
