// Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the H5 build (scripts, styles,
// index.html), once, at build time and at the highest levels: the server sends the copy a client
// takes (@fastify/static preCompressed), with no compression work per request.
//   node scripts/precompress-h5.mjs [dir]   (default miniapp/dist-h5; run by `pnpm build:h5`)
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { root } from './lib.mjs'

const dir = resolve(process.argv[2] ?? join(root, 'miniapp/dist-h5'))
const TEXT = /\.(js|css|html|svg|json|map)$/
/** under this a compressed copy saves less than its headers cost */
const MIN_BYTES = 512

function* files(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name)
    if (e.isDirectory()) yield* files(p)
    else yield p
  }
}

let count = 0
let raw = 0
let br = 0
for (const file of [...files(dir)]) {
  // a copy whose file a new build no longer has
  if (/\.(br|gz)$/.test(file)) {
    if (!existsSync(file.slice(0, -3))) rmSync(file)
    continue
  }
  if (!TEXT.test(file) || statSync(file).size < MIN_BYTES) continue
  const bytes = readFileSync(file)
  const b = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  })
  const g = gzipSync(bytes, { level: 9 })
  if (b.length < bytes.length) writeFileSync(`${file}.br`, b)
  if (g.length < bytes.length) writeFileSync(`${file}.gz`, g)
  count += 1
  raw += bytes.length
  br += Math.min(b.length, bytes.length)
}
const kb = (n) => `${Math.round(n / 1024)} KB`
console.log(`precompressed ${count} files in ${dir}: ${kb(raw)} → ${kb(br)} with brotli`)
