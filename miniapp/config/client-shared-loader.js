/**
 * A webpack loader for @xiangli/shared's TypeScript source as the miniapp compiles it, so a page
 * carries zod only when it validates something itself:
 * - in a route contract (shared/src/contract/), a route's `params`, `query` and `body` schemas are
 *   left out: the miniapp calls a route by its method and path, and the server validates (it reads
 *   the contracts untouched);
 * - a top-level schema (`const x = z.object(…)`, `const y = xSchema.extend(…)`) is built in a call
 *   marked pure, so one no page uses is dropped instead of pulling zod into the main package.
 * It only removes and annotates; what is left is the source as written.
 */
const ts = require('typescript')

const ROUTE_SCHEMA_KEYS = new Set(['params', 'query', 'body'])

/** The identifier a call chain starts from: `z` for `z.object({…}).strict()`. */
function chainRoot(node) {
  let n = node
  for (;;) {
    if (ts.isCallExpression(n)) n = n.expression
    else if (ts.isPropertyAccessExpression(n)) n = n.expression
    else if (ts.isNonNullExpression(n) || ts.isParenthesizedExpression(n)) n = n.expression
    else break
  }
  return ts.isIdentifier(n) ? n.text : null
}

const isSchemaBuilder = (init) => ts.isCallExpression(init) && /^(z|\w+Schema)$/.test(chainRoot(init) ?? '')

/** `route<T>()({ … })`: the object literal a route is declared with. */
function routeSpec(node) {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return null
  const inner = node.expression
  if (!ts.isCallExpression(inner) || !ts.isIdentifier(inner.expression) || inner.expression.text !== 'route')
    return null
  const spec = node.arguments[0]
  return ts.isObjectLiteralExpression(spec) ? spec : null
}

/** The source with route schemas removed (contracts) and top-level schemas marked pure. */
function transformShared(source, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const edits = [] // [start, end, text], applied from the end
  const isContract = /[\\/]contract[\\/]/.test(fileName)
  const visit = (node) => {
    if (isContract) {
      const spec = routeSpec(node)
      if (spec) {
        for (const p of spec.properties) {
          if (!p.name || !ts.isIdentifier(p.name) || !ROUTE_SCHEMA_KEYS.has(p.name.text)) continue
          const after = source.slice(p.end).match(/^\s*,/)
          edits.push([p.getStart(file), p.end + (after ? after[0].length : 0), ''])
        }
        return
      }
    }
    ts.forEachChild(node, visit)
  }
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (d.initializer && isSchemaBuilder(d.initializer)) {
          // webpack believes a pure call only when its arguments are pure too, and a schema's are
          // calls: wrapped in a pure call with none, an unused schema drops whole
          const at = d.initializer.getStart(file)
          edits.push([d.initializer.end, d.initializer.end, ')()'])
          edits.push([at, at, '/*#__PURE__*/ (() => '])
        }
      }
    }
    visit(statement)
  }
  edits.sort((a, b) => b[0] - a[0])
  let out = source
  for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end)
  return out
}

module.exports = function clientSharedLoader(source) {
  return transformShared(source, this.resourcePath)
}
module.exports.transformShared = transformShared
