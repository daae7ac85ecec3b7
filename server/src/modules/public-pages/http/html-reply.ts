import { createHash } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { PageCaching } from '../use-cases/public-pages'

/** below this a page goes out as it is: compressing would save less than the headers it adds */
const MIN_COMPRESS = 1024

/** The encoding a client takes, brotli first; one it refuses with q=0 does not count. */
export function preferredEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set<string>()
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    if (!name || params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) continue
    accepted.add(name.trim())
  }
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return null
}

/**
 * Sends a page (the handler or filter took the reply with `@Res()`): HTML in UTF-8, compressed with
 * brotli or gzip when the client takes them, and either revalidated by its ETag (an unchanged page
 * costs a 304 of a few hundred bytes) or never stored. Returns the page, as the route declares.
 */
export function sendHtml(
  req: FastifyRequest,
  reply: FastifyReply,
  page: { html: string; caching: PageCaching; status?: number },
): string {
  const raw = Buffer.from(page.html, 'utf8')
  const status = page.status ?? 200
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('vary', 'accept-encoding')
    .header('cache-control', page.caching === 'revalidate' && status === 200 ? 'no-cache' : 'no-store')
  if (page.caching === 'revalidate' && status === 200) {
    // weak: the same page compressed either way is the same page
    const etag = `W/"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`
    void reply.header('etag', etag)
    const given = req.headers['if-none-match']
    if (given && given.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.slice(2))) {
      void reply.status(304).send()
      return page.html
    }
  }
  const encoding = raw.length >= MIN_COMPRESS ? preferredEncoding(req.headers['accept-encoding']) : null
  if (encoding === 'br')
    void reply.header('content-encoding', 'br').send(
      brotliCompressSync(raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }),
    )
  else if (encoding === 'gzip')
    void reply.header('content-encoding', 'gzip').send(gzipSync(raw, { level: 6 }))
  else void reply.send(raw)
  return page.html
}
