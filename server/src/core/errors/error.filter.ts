import { ClientGoneError } from '../http/client-gone'
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ERRORS, type ApiErrorBody, type ErrorCode } from '@xiangli/shared'
import { ZodError } from 'zod'
import { AppException } from './app.exception'

/** Maps an HTTP status that Nest or Fastify raised on its own to one of our codes. */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'AUTH_REQUIRED'
    case 403:
      return 'FORBIDDEN'
    case 404:
      return 'NOT_FOUND'
    case 413:
      return 'PAYLOAD_TOO_LARGE'
    case 415:
      return 'UNSUPPORTED_FILE'
    case 429:
      return 'RATE_LIMITED'
    default:
      return status >= 400 && status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL'
  }
}

export function zodDetails(e: ZodError): { fields: { path: string; message: string }[] } {
  return { fields: e.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }
}

export function toErrorBody(
  exception: unknown,
  requestId: string,
  log: Logger,
): { status: number; body: ApiErrorBody } {
  if (exception instanceof AppException) {
    const body: ApiErrorBody = { code: exception.code, message: exception.message, requestId }
    if (exception.details !== undefined) body.details = exception.details
    return { status: exception.status, body }
  }
  if (exception instanceof ZodError) {
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: ERRORS.VALIDATION_FAILED.message,
        details: zodDetails(exception),
        requestId,
      },
    }
  }
  // Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : typeof (exception as { statusCode?: unknown })?.statusCode === 'number'
        ? (exception as { statusCode: number }).statusCode
        : 500
  const code = codeForStatus(status)
  if (status >= 500) {
    log.error(`request ${requestId} failed: ${(exception as Error)?.stack ?? String(exception)}`)
    return { status: 500, body: { code: 'INTERNAL', message: ERRORS.INTERNAL.message, requestId } }
  }
  return { status, body: { code, message: ERRORS[code].message, requestId } }
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('Error')
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp()
    const req = ctx.getRequest<FastifyRequest>()
    const reply = ctx.getResponse<FastifyReply>()
    if (exception instanceof ClientGoneError) {
      // nobody reads this answer: the work stopped on purpose, which is not a failure to log as one
      this.log.log(`request ${String(req.id)} stopped: ${exception.message}`)
      void reply.status(503).send({ code: 'INTERNAL', message: ERRORS.INTERNAL.message, requestId: req.id })
      return
    }
    const { status, body } = toErrorBody(exception, String(req.id), this.log)
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body)
  }
}
