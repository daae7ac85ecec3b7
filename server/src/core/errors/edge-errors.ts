import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ERRORS, type ApiErrorBody, type ErrorCode } from '@xiangli/shared'

/**
 * Answers that leave before a request reaches Nest, in the same `{ code, message, requestId }` shape
 * as every other error: Node's HTTP parser refusing a request (malformed, headers over the limit,
 * too slow), and Fastify's router refusing a URL (bad percent-encoding, a path parameter over
 * maxParamLength). Left alone, both answer in English and echo the URL back.
 */

/** Headers that every error answer carries, the ones written here straight to the socket too. */
const EDGE_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
}

function bodyFor(code: ErrorCode, requestId: string): ApiErrorBody {
  return { code, message: ERRORS[code].message, requestId }
}

/** Which of our codes a Node parser error is. */
export function clientErrorCode(err: { code?: string }): ErrorCode {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return 'HEADERS_TOO_LARGE'
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'REQUEST_TIMEOUT'
    default:
      return 'BAD_REQUEST'
  }
}

/**
 * Fastify's `clientErrorHandler`: Node calls it with the raw socket when it cannot parse a request,
 * so there is no request object and no request id yet; one is made for the answer and its header.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const code = clientErrorCode(err)
  const status = ERRORS[code].status
  const requestId = randomUUID()
  const body = JSON.stringify(bodyFor(code, requestId))
  const headers = {
    ...EDGE_HEADERS,
    'content-length': String(Buffer.byteLength(body)),
    'x-request-id': requestId,
  }
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')
  // the parser's state is lost: answer and close, as Node's own handler does
  if (socket.writable)
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}connection: close\r\n\r\n${body}`)
  else socket.destroy()
}

/** Fastify's `frameworkErrors`: the router could not take the URL. */
export function answerFrameworkError(
  err: Error & { code?: string },
  req: FastifyRequest,
  reply: FastifyReply,
): void {
  const code: ErrorCode =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'URL_TOO_LONG'
      : err.code === 'FST_ERR_BAD_URL'
        ? 'BAD_REQUEST'
        : 'INTERNAL'
  if (code === 'INTERNAL') req.log.error({ err }, 'router failed')
  void reply
    .status(ERRORS[code].status)
    .headers({ ...EDGE_HEADERS, 'x-request-id': String(req.id) })
    .send(bodyFor(code, String(req.id)))
}
