import type { FastifyReply } from 'fastify'

/**
 * A file of the H5 build whose name carries its content hash (js/app.2dad2547.js,
 * css/4219.c439fa934436226262e1.css): a new build gives changed content a new name, so the file
 * itself never changes and a phone keeps it for a year without asking again.
 */
export const HASHED_ASSET = /\.[0-9a-f]{8,32}\.[a-z0-9]+$/i

/**
 * How long a file of the H5 build may be kept: hashed files for good (immutable), everything else
 * (index.html above all, which names the current hashed files) revalidated on every load so a new
 * build reaches everyone at once. `path` is the file sent, perhaps its precompressed .br or .gz.
 */
export function h5CacheControl(path: string): string {
  const file = path.replace(/\.(br|gz)$/, '')
  return HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/**
 * @fastify/static's options for the H5 build: the .br and .gz files written beside each asset at
 * build time (scripts/precompress-h5.mjs) go to clients that take them, with no compression work
 * per request; its own cache-control (max-age=0 on everything) gives way to h5CacheControl.
 */
export function h5StaticOptions(root: string) {
  return {
    root,
    prefix: '/',
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) =>
      void reply.header('cache-control', h5CacheControl(path)),
  }
}
