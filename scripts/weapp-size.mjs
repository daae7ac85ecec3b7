#!/usr/bin/env node
// The weapp's package sizes as WeChat counts them: the main package is everything outside the
// subpackage roots app.json names (what a phone downloads before the first page shows), each
// subpackage its own root. Fails when the main package is over its budget.
//   node scripts/weapp-size.mjs [dist] [--budget=KB]
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** WeChat's own limit is 2 MB; ours keeps the first open short on a weak signal. */
export const MAIN_BUDGET_KB = 600
/** WeChat refuses an upload with a subpackage over 2 MB, or over 20 MB in all. */
export const SUBPACKAGE_LIMIT_KB = 2048
export const TOTAL_LIMIT_KB = 20 * 1024

/** What is over a limit, in words; empty when the build can be uploaded within our budget. */
export function overLimits(sizes, budgetKb = MAIN_BUDGET_KB) {
  const problems = []
  if (sizes.main > budgetKb * 1024) problems.push(`main package over its ${budgetKb} KB budget`)
  for (const [root, bytes] of Object.entries(sizes.subpackages))
    if (bytes > SUBPACKAGE_LIMIT_KB * 1024) problems.push(`${root} over WeChat's 2 MB subpackage limit`)
  const total = sizes.main + Object.values(sizes.subpackages).reduce((a, b) => a + b, 0)
  if (total > TOTAL_LIMIT_KB * 1024) problems.push(`the whole package over WeChat's 20 MB limit`)
  return problems
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  )
}

/** Bytes of the main package and of each subpackage of a built weapp in `dist`. */
export function packageSizes(dist) {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''))
  const sizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])) }
  for (const file of filesUnder(dist)) {
    const path = relative(dist, file).split(sep).join('/')
    // source maps and licence texts are not uploaded with the code package
    if (path.endsWith('.map') || path.endsWith('.LICENSE.txt')) continue
    const root = roots.find((r) => path.startsWith(`${r}/`))
    const bytes = statSync(file).size
    if (root) sizes.subpackages[root] += bytes
    else sizes.main += bytes
  }
  return sizes
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

function main(argv) {
  const dist =
    argv.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../miniapp/dist', import.meta.url))
  const budgetArg = argv.find((a) => a.startsWith('--budget='))
  const budget = budgetArg ? Number(budgetArg.slice('--budget='.length)) : MAIN_BUDGET_KB
  const sizes = packageSizes(dist)
  for (const [root, bytes] of Object.entries(sizes.subpackages))
    console.log(`  ${root.padEnd(28)} ${kb(bytes)}`)
  const problems = overLimits(sizes, budget)
  console.log(`weapp main package ${kb(sizes.main)} (budget ${budget} KB)`)
  for (const p of problems) console.log(`  over: ${p}`)
  return problems.length > 0 ? 1 : 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2))
