import { Logger } from '@nestjs/common'
import type { Logger as TypeOrmLogger } from 'typeorm'
import { QueryLogger } from '../../src/core/database/query-logger'

describe('the database log', () => {
  const lines: string[] = []
  beforeEach(() => {
    lines.length = 0
    for (const level of ['log', 'warn', 'verbose', 'error', 'debug'] as const)
      jest
        .spyOn(Logger.prototype, level)
        .mockImplementation((...m: unknown[]) => void lines.push(String(m[0])))
  })
  afterEach(() => jest.restoreAllMocks())

  /** as TypeORM calls it: with the parameters */
  const logger = (everyQuery: boolean): TypeOrmLogger => new QueryLogger(everyQuery)
  const ballot = 'INSERT INTO "deliberation_secret_ballot"("id", "meetingId", "choice") VALUES (?, ?, ?)'
  const params = ['6f1c0d1e-0000-4000-8000-000000000000', 4, 'abstain']

  it('logs a slow statement with its text and never its parameters', () => {
    logger(false).logQuerySlow(1500, ballot, params)
    expect(lines).toEqual([expect.stringContaining('deliberation_secret_ballot')])
    expect(lines.join('\n')).not.toMatch(/abstain|6f1c0d1e/)
  })

  it('logs every statement only when asked to, still without its parameters', () => {
    logger(false).logQuery(ballot, params)
    expect(lines).toEqual([])
    logger(true).logQuery(ballot, params)
    expect(lines).toHaveLength(1)
    expect(lines.join('\n')).not.toMatch(/abstain|6f1c0d1e/)
  })

  it('logs a failed statement by its code, not the message that quotes the values', () => {
    const error = Object.assign(new Error("Duplicate entry '4-abstain' for key 'PRIMARY'"), {
      code: 'ER_DUP_ENTRY',
    })
    logger(true).logQueryError(error, ballot, params)
    expect(lines).toEqual([expect.stringContaining('ER_DUP_ENTRY')])
    expect(lines.join('\n')).not.toMatch(/abstain|Duplicate/)
  })
})
