import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { NestFastifyApplication } from '@nestjs/platform-fastify'
import helmet from 'helmet'

/**
 * The inline scripts of the H5 app's index.html, as CSP hashes. Taro writes one there (it sets the
 * root font size before the app loads); hashing what the build actually contains lets it run while
 * every other inline script stays refused, and a rebuilt app needs no change here.
 */
export function inlineScriptHashes(indexHtml: string): string[] {
  const hashes: string[] = []
  for (const m of indexHtml.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (!m[1]) continue
    hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`)
  }
  return hashes
}

/**
 * What the H5 app (Taro + NutUI) needs, and no more: its scripts and styles from this origin (webpack
 * loads its chunks as <script src> and <link>), styles set at run time (Taro and NutUI inject
 * <style> elements and style attributes), photos previewed from blob: URLs before upload and icons
 * as data: URLs, and the API on the same origin (photos go up from blob: URLs). Nothing may frame it.
 */
/**
 * Taro's H5 tab bar items are `<a href="javascript:;">` with a click handler: the handler switches the
 * tab, then the browser follows the link, which a policy without inline scripts refuses (nothing
 * breaks, but every tap is a violation). 'unsafe-hashes' with this hash lets exactly that no-op run.
 */
const TAB_BAR_LINK = `'sha256-${createHash('sha256').update('javascript:;', 'utf8').digest('base64')}'`

export function contentSecurityPolicy(scriptHashes: string[], https: boolean) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'", ...scriptHashes, "'unsafe-hashes'", TAB_BAR_LINK],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      mediaSrc: ["'self'", 'blob:'],
      // Taro's H5 uploadFile reads the chosen photo back from its blob: URL with an XHR
      connectSrc: ["'self'", 'blob:'],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      // only where the server is reached over HTTPS: on plain HTTP it would send the browser to an
      // https:// address of this server that does not answer
      ...(https ? { upgradeInsecureRequests: [] } : {}),
    },
  }
}

/**
 * The headers helmet sets, computed once. helmet is a connect middleware that sets them on each
 * response; @fastify/helmet, its Fastify wrapper, builds a new middleware from the options on every
 * request, which took a third of the throughput of a bare route in pnpm bench. With no per-request
 * part (no nonces) the headers are the same for every answer, so helmet runs once, at boot, against a
 * recording response.
 */
export function securityHeaders(opts: { indexHtml: string | null; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {}
  const recorder = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  }
  helmet({
    contentSecurityPolicy: contentSecurityPolicy(
      opts.indexHtml ? inlineScriptHashes(opts.indexHtml) : [],
      opts.https,
    ),
    // HSTS only where the server is reached over HTTPS: browsers ignore it over plain HTTP. The rest
    // are helmet's defaults: no Referer (signed photo links carry their signature in the query),
    // resources for this origin only, no MIME sniffing, no framing
    strictTransportSecurity: opts.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  })({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined)
  return headers
}

/** Security headers on every answer, the API's and the H5 app's alike, a refusal included. */
export function registerSecurityHeaders(
  app: NestFastifyApplication,
  opts: { indexHtml: string | null; https: boolean },
): void {
  const headers = securityHeaders(opts)
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_req, reply, done) => {
      void reply.headers(headers)
      done()
    })
}
