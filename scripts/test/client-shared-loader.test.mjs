// The miniapp's loader for @xiangli/shared: route schemas left out, top-level schemas built in a pure call.
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { describe, it } from 'node:test'

const require = createRequire(import.meta.url)
const { transformShared } = require('../../miniapp/config/client-shared-loader.js')

const contract = `import { z } from 'zod'
import { grievanceCreateSchema } from '../grievance-api'
export const grievanceRoutes = {
  create: route<GrievanceView>()({
    method: 'POST',
    path: '/api/villages/:villageId/grievances',
    access: resident,
    body: grievanceCreateSchema,
    summary: '说事',
  }),
  list: route<Page>()({ method: 'GET', path: '/api/x', query: z.object({ page: z.number() }), summary: 'x' }),
  read: route<Row>()({
    method: 'GET',
    path: '/api/files/:id',
    params: z.object({
      id: z.string(),
    }),
    file: '照片',
    summary: '读取',
  }),
}
`

describe('client-shared loader', () => {
  it('leaves out the params, query and body of every route and keeps the rest as written', () => {
    const out = transformShared(contract, '/repo/shared/src/contract/grievances.ts')
    assert.doesNotMatch(out, /body:|query:|params:/)
    for (const kept of [
      "method: 'POST'",
      "path: '/api/villages/:villageId/grievances'",
      'access: resident',
      "summary: '说事'",
      "file: '照片'",
    ])
      assert.ok(out.includes(kept), kept)
    assert.match(out, /path: '\/api\/x',\s+summary: 'x' \}/)
  })

  it('does not touch routes outside the contracts', () => {
    assert.doesNotMatch(transformShared(contract, '/repo/shared/src/grievance.ts'), /PURE/)
    assert.match(transformShared(contract, '/repo/shared/src/grievance.ts'), /body: grievanceCreateSchema/)
  })

  it('builds each top-level schema in a pure call with no arguments, and nothing else', () => {
    const src = `import { z } from 'zod'
export const LIMIT = 30
const linkPart = (what: string) => z.string().describe(what)
export const aSchema = z.object({ n: z.string().max(LIMIT) })
export const bSchema = aSchema.extend({ c: z.string() }).strict()
export const defaults = makeDefaults()
`
    const out = transformShared(src, '/repo/shared/src/thing.ts')
    assert.ok(
      out.includes('export const aSchema = /*#__PURE__*/ (() => z.object({ n: z.string().max(LIMIT) }))()'),
    )
    assert.ok(
      out.includes(
        'export const bSchema = /*#__PURE__*/ (() => aSchema.extend({ c: z.string() }).strict())()',
      ),
    )
    assert.ok(out.includes('export const defaults = makeDefaults()'))
    assert.ok(out.includes('const linkPart = (what: string) => z.string().describe(what)'))
    assert.ok(out.includes('export const LIMIT = 30'))
  })

  it('gives the same values when run', () => {
    const src =
      'const z = { object: (o) => ({ o, extend: (p) => ({ ...o, ...p }) }) }\nconst aSchema = z.object({ a: 1 })\nconst bSchema = aSchema.extend({ b: 2 })\nmodule.exports = { aSchema, bSchema }\n'
    const m = { exports: {} }
    new Function('module', transformShared(src, '/repo/shared/src/x.js'))(m)
    assert.deepEqual(m.exports.bSchema, { a: 1, b: 2 })
    assert.deepEqual(m.exports.aSchema.o, { a: 1 })
  })
})
