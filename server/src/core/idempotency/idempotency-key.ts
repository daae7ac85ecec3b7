import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common'
import type { FastifyRequest } from 'fastify'
import { AppException } from '../errors/app.exception'
import type { FieldCrypto } from '../crypto/field-crypto.service'

export const IDEMPOTENT_IN_TRANSACTION = 'xiangli:idempotent-in-transaction'

/**
 * The route is idempotent inside its own transaction: the row it writes keeps the request's
 * Idempotency-Key (see `requestKeyDigest`), so a retry finds that row and gets the same answer, and a
 * crash before the commit leaves nothing that holds the retry back. The generic interceptor then
 * keeps no record of the request at all: for a secret ballot its record (a hash of the body per
 * account) would tell anyone who hashes the three possible bodies how each account voted.
 */
export const IdempotentInTransaction = (): MethodDecorator => SetMetadata(IDEMPOTENT_IN_TRANSACTION, true)

/** The Idempotency-Key header of a request, checked: undefined when absent, refused when malformed. */
export function idempotencyKeyOf(req: Pick<FastifyRequest, 'headers'>): string | undefined {
  const key = req.headers['idempotency-key']
  if (typeof key !== 'string') return undefined
  if (!/^[A-Za-z0-9_.:-]{8,128}$/.test(key))
    throw new AppException(
      'VALIDATION_FAILED',
      { header: 'Idempotency-Key' },
      '请求标识格式不对，请刷新后重试',
    )
  return key
}

/** The request's Idempotency-Key, for a route that is `@IdempotentInTransaction()`; null without one. */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | null =>
    idempotencyKeyOf(ctx.switchToHttp().getRequest<FastifyRequest>()) ?? null,
)

/**
 * What a row keeps of the key it was written with: a keyed hash, never the key as the phone sent it,
 * so nothing the client chose (a key that spelled out a choice, say) is stored next to a voter.
 */
export function requestKeyDigest(crypto: FieldCrypto, key: string | null): string | null {
  return key === null ? null : crypto.blindIndex(`idempotency-key:${key}`)
}
