import { Logger as NestLogger } from '@nestjs/common'
import type { Logger as TypeOrmLogger } from 'typeorm'

/** A query slower than this is logged (as a warning, whatever the log level short of silent). */
export const SLOW_QUERY_MS = 1000

const MAX_SQL = 2000

/**
 * TypeORM's log, through Nest's logger, with the statement's text and never its parameters: the
 * parameters are the data (a secret ballot's choice, an ID number's ciphertext, a phone number) and
 * a log line outlives every rule the database keeps. Statements are written with placeholders, so
 * their text holds no data. Every statement is logged only at LOG_LEVEL=trace; slow ones always.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly out = new NestLogger('Database')

  constructor(private readonly everyQuery: boolean) {}

  private sql(query: string): string {
    const flat = query.replace(/\s+/g, ' ').trim()
    return flat.length > MAX_SQL ? `${flat.slice(0, MAX_SQL)}…` : flat
  }

  logQuery(query: string): void {
    if (this.everyQuery) this.out.verbose(this.sql(query))
  }

  logQueryError(error: string | Error, query: string): void {
    // the error reaches the caller, which answers it (a unique key hit is expected on a retry);
    // its code, not its message: MySQL's message quotes the values of a duplicate key
    if (!this.everyQuery) return
    const code = typeof error === 'string' ? 'error' : ((error as { code?: string }).code ?? error.name)
    this.out.verbose(`failed (${code}): ${this.sql(query)}`)
  }

  logQuerySlow(time: number, query: string): void {
    this.out.warn(`slow query (${time} ms): ${this.sql(query)}`)
  }

  logSchemaBuild(message: string): void {
    this.out.verbose(message)
  }

  logMigration(message: string): void {
    this.out.log(message)
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn(String(message))
    else this.out.verbose(String(message))
  }
}
