import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common'
import { Reflector } from '@nestjs/core'
import { DataSource, IsNull, LessThan } from 'typeorm'
import { from, mergeMap, of, type Observable, catchError, finalize } from 'rxjs'
import { AppException } from '../errors/app.exception'
import { canonicalJson, sha256 } from '../audit/audit.service'
import { isUniqueViolation } from '../database/errors'
import { TxService } from '../tx/tx.service'
import { FieldCrypto } from '../crypto/field-crypto.service'
import type { AuthedRequest } from '../auth/access.guard'
import { IdempotencyRecord } from './entities/idempotency-record.entity'
import { IDEMPOTENT_IN_TRANSACTION, idempotencyKeyOf } from './idempotency-key'
import { KeyOwners, THIS_PROCESS } from './key-owners'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/**
 * A pending record whose process nobody can judge (see `KeyOwners.gone`) counts as abandoned after
 * this long, as every pending record did before records named their process.
 */
const STALE_MS = 2 * 60 * 1000

/**
 * Honours the Idempotency-Key header on writes: the first request with a key does the work and its
 * answer is kept; a retry with the same key gets that answer back instead of doing the work again.
 * Answers are kept encrypted: a login or refresh answer holds live tokens.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly log = new Logger('Idempotency')

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly crypto: FieldCrypto,
    private readonly reflector: Reflector,
    private readonly owners: KeyOwners,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>()
    if (!WRITE_METHODS.has(req.method)) return next.handle()
    const key = idempotencyKeyOf(req)
    if (key === undefined) return next.handle()
    // check-ins and ballots keep their key in their own row; nothing of them is kept here
    if (this.reflector.get<boolean>(IDEMPOTENT_IN_TRANSACTION, ctx.getHandler())) return next.handle()
    const scope = req.principal ? `a:${req.principal.accountId}` : 'anon'
    const requestHash = sha256(`${req.method} ${req.url}\n${canonicalJson(req.body ?? null)}`)
    // set once this request holds the key's record: it is then marked as running in this process
    const held: { release?: () => void } = {}
    return from(this.begin(scope, key, requestHash, held)).pipe(
      mergeMap((stored) => {
        if (stored !== undefined) return of(stored)
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            try {
              const responseBody = this.crypto.encrypt(JSON.stringify(body ?? null))
              await this.tx.run((m) =>
                m.getRepository(IdempotencyRecord).update({ scope, key }, { state: 'done', responseBody }),
              )
            } catch (e) {
              // the work is done and committed: an answer that cannot be kept (too large for the
              // column, say) must not turn it into an error; a retry will simply run again
              this.log.warn(`answer for key ${key} not kept: ${(e as Error).message}`)
              await this.tx
                .run((m) => m.getRepository(IdempotencyRecord).delete({ scope, key }))
                .catch(() => undefined)
            }
            return body
          }),
          catchError(async (e: unknown) => {
            // a refused or failed request did nothing; let the retry try again
            await this.tx.run((m) => m.getRepository(IdempotencyRecord).delete({ scope, key }))
            throw e
          }),
        )
      }),
      finalize(() => held.release?.()),
    )
  }

  /** JSON never starts with "v1:", so answers kept before they were encrypted still read back. */
  private answer(stored: string): unknown {
    return JSON.parse(stored.startsWith('v1:') ? this.crypto.decrypt(stored) : stored)
  }

  /** Returns the stored answer of an earlier identical request, or undefined when this one should run. */
  private async begin(
    scope: string,
    key: string,
    requestHash: string,
    held: { release?: () => void },
  ): Promise<unknown> {
    const repo = this.ds.getRepository(IdempotencyRecord)
    // marked before the record is written, so no retry of this process ever sees it unmarked
    const release = this.owners.begin(scope, key)
    try {
      await this.tx.run((m) =>
        m
          .getRepository(IdempotencyRecord)
          .insert({ scope, key, requestHash, state: 'pending', responseBody: null, owner: THIS_PROCESS }),
      )
      held.release = release
      return undefined
    } catch (e) {
      release()
      if (!isUniqueViolation(e)) throw e
    }
    const existing = await repo.findOneBy({ scope, key })
    if (!existing) return this.begin(scope, key, requestHash, held)
    if (existing.requestHash !== requestHash) throw new AppException('IDEMPOTENCY_KEY_REUSED')
    if (existing.state === 'done')
      return existing.responseBody === null ? null : this.answer(existing.responseBody)
    // the process that took the key died before the answer was kept (killed, crashed): the retry
    // runs now instead of being told to wait; a live one is still working on it
    const gone = await this.owners.gone(existing.owner, scope, key)
    if (gone === false) throw new AppException('IDEMPOTENCY_IN_PROGRESS')
    const taken = await this.tx.run((m) =>
      m.getRepository(IdempotencyRecord).delete({
        scope,
        key,
        state: 'pending',
        owner: existing.owner ?? IsNull(),
        ...(gone ? {} : { createdAt: LessThan(new Date(Date.now() - STALE_MS)) }),
      }),
    )
    if (taken.affected) return this.begin(scope, key, requestHash, held)
    throw new AppException('IDEMPOTENCY_IN_PROGRESS')
  }
}
