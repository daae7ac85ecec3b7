import { createParamDecorator, type ExecutionContext } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** Why a request's work stopped: its client went away before the answer was sent. */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection before the answer was sent')
    this.name = 'ClientGoneError'
  }
}

const signals = new WeakMap<FastifyRequest, AbortSignal>()

/**
 * An AbortSignal that fires when the client of this request disconnects before its answer is
 * written (the response closes unfinished). Long work (a loop over batches) checks it between steps,
 * so a request nobody waits for any more stops instead of running on for minutes.
 */
export function clientSignal(req: FastifyRequest, reply: FastifyReply): AbortSignal {
  const known = signals.get(req)
  if (known) return known
  const stop = new AbortController()
  const res = reply.raw
  res.once('close', () => {
    if (!res.writableFinished) stop.abort(new ClientGoneError())
  })
  signals.set(req, stop.signal)
  return stop.signal
}

/** The handler's `clientSignal` (see above), for use cases that run long. */
export const ClientSignal = createParamDecorator((_: unknown, ctx: ExecutionContext): AbortSignal => {
  const http = ctx.switchToHttp()
  return clientSignal(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>())
})
