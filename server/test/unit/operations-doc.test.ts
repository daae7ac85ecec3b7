import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { SETTING_NAMES } from '../../src/core/config/config'

const doc = readFileSync(resolve(__dirname, '../../../docs/operations.md'), 'utf8')
const documented = [...doc.matchAll(/^\| `([A-Z0-9_]+)` +\|/gm)].map((m) => m[1])

describe('docs/operations.md', () => {
  it('lists every setting the server reads, once, and none it does not', () => {
    expect([...documented].sort()).toEqual([...SETTING_NAMES].sort())
  })
})
