// pnpm openapi: writes docs/openapi.json from the route contract in shared/src/contract.
//   --check  fails (exit 1) when docs/openapi.json is not what the contract gives today
// Request schemas come from the contract's zod schemas; a response is named by the type the contract
// declares for it (route<GrievanceView>()), read from the source with the TypeScript compiler.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { mustRun, root } from './lib.mjs'

const check = process.argv.includes('--check')
await mustRun('build shared', 'pnpm', ['-s', '--filter', '@xiangli/shared', 'build'])

const require = createRequire(join(root, 'shared/package.json'))
const { z } = require('zod')
const { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } = createRequire(
  join(root, 'package.json'),
)('@asteasolutions/zod-to-openapi')
extendZodWithOpenApi(z)
const shared = require('./dist/index.js')
const ts = createRequire(join(root, 'package.json'))('typescript')

/** The feature a contract file declares: meeting-notices.ts → meetingNotices. */
const featureOf = (file) => file.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase())
/** The contract file of a feature: meetingNotices → meeting-notices.ts. */
const fileOf = (feature) => `${feature.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}.ts`

/**
 * feature.routeName → the answer type as written in the contract, e.g. 'Page<GrievanceSummary>'. A
 * feature's routes are declared in the file of its name (grievances → shared/src/contract/grievances.ts,
 * meetingNotices → meeting-notices.ts).
 */
function answerTypes() {
  const dir = join(root, 'shared/src/contract')
  const types = new Map()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(dir, file), 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    )
    const visit = (node) => {
      // name: route<Answer>()({ ... })
      if (
        ts.isPropertyAssignment(node) &&
        ts.isCallExpression(node.initializer) &&
        ts.isCallExpression(node.initializer.expression) &&
        node.initializer.expression.expression.getText(source) === 'route' &&
        node.initializer.expression.typeArguments?.length === 1
      ) {
        const answer = node.initializer.expression.typeArguments[0].getText(source)
        types.set(`${featureOf(file)}.${node.name.getText(source)}`, answer)
        // a route spread into its feature from a file of its own is found by method and literal path
        const spec = node.initializer.arguments[0]
        const literal = (key) => {
          const prop = spec?.properties?.find((p) => p.name?.getText(source) === key)
          return prop && ts.isStringLiteral(prop.initializer) ? prop.initializer.text : null
        }
        if (literal('method') && literal('path')) types.set(`${literal('method')} ${literal('path')}`, answer)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return types
}

const ACCESS_TEXT = {
  public: '任何人，无需登录',
  account: '任何已登录的账号',
  admin: '系统管理员',
}
const roles = (list) => list.map((r) => shared.ROLE_LABELS[r]).join('、')
const accessText = (a) =>
  a.kind === 'village'
    ? `本村（社区）的${roles(a.roles)}${a.township ? '；以及上级乡镇（街道）干部' : ''}`
    : a.kind === 'township'
      ? `本乡镇（街道）的${roles(a.roles)}`
      : ACCESS_TEXT[a.kind]

const registry = new OpenAPIRegistry()
registry.registerComponent('securitySchemes', 'bearer', {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
})
const ErrorBody = registry.register(
  'Error',
  z
    .object({
      code: z
        .string()
        .openapi({ description: '错误代码（shared/src/errors.ts）；客户端按代码处理，不看文字' }),
      message: z.string().openapi({ description: '给村民看的中文说明' }),
      details: z.unknown().optional(),
      requestId: z.string(),
    })
    .openapi({ description: '每一个失败的回答都是这个形状' }),
)

const answers = answerTypes()
for (const { feature, name, route } of shared.contractRoutes()) {
  const pathParams = {}
  for (const p of shared.paramNames(route.path)) {
    const own = route.params?.shape?.[p]
    pathParams[p] = own ?? z.number().int().positive().openapi({ description: '记录编号' })
  }
  const answer = answers.get(`${feature}.${name}`) ?? answers.get(`${route.method} ${route.path}`)
  if (!answer)
    throw new Error(
      `${feature}.${name}: declare it in shared/src/contract/${fileOf(feature)} as route<Answer>()({...})`,
    )
  registry.registerPath({
    method: route.method.toLowerCase(),
    path: route.path.replace(/:([A-Za-z]+)/g, '{$1}'),
    operationId: `${feature}.${name}`,
    tags: [feature],
    summary: route.summary,
    description: `谁可以调用：${accessText(route.access)}`,
    'x-access': route.access,
    ...(route.access.kind === 'public' ? {} : { security: [{ bearer: [] }] }),
    request: {
      ...(Object.keys(pathParams).length ? { params: z.object(pathParams) } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
      ...(route.upload
        ? {
            body: {
              content: {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    required: [route.upload],
                    properties: { [route.upload]: { type: 'string', format: 'binary' } },
                  },
                },
              },
            },
          }
        : {}),
    },
    responses: {
      [route.status]: {
        description: route.file
          ? `文件（${route.file}）`
          : route.html
            ? '网页（HTML，无需 JavaScript）'
            : `${answer}（见 shared 中的同名类型）`,
        ...(route.file || route.status === 204
          ? {}
          : route.html
            ? { content: { 'text/html': { schema: { type: 'string' } } } }
            : { content: { 'application/json': { schema: { type: 'object', 'x-type': answer } } } }),
      },
      default: route.html
        ? {
            description: '失败：一张说明原因的网页（404 找不到、400 输入有误）',
            content: { 'text/html': { schema: { type: 'string' } } },
          }
        : { description: '失败', content: { 'application/json': { schema: ErrorBody } } },
    },
  })
}

const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
  openapi: '3.1.0',
  info: {
    title: '乡里 Xiangli API',
    version: JSON.parse(readFileSync(join(root, 'server/package.json'), 'utf8')).version,
    description:
      '村务与社区自治小程序的后台接口。本文件由 shared/src/contract 生成（pnpm openapi），请勿手改。',
  },
})
const text = JSON.stringify(doc, null, 2) + '\n'
const target = join(root, 'docs/openapi.json')
if (check) {
  let current = ''
  try {
    current = readFileSync(target, 'utf8')
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('docs/openapi.json is stale: run pnpm openapi and commit it')
    process.exit(1)
  }
  console.log('docs/openapi.json matches the contract')
} else {
  writeFileSync(target, text)
  console.log(`docs/openapi.json: ${Object.keys(doc.paths).length} paths`)
}
