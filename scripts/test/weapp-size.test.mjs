// The weapp package sizes, on a fake build.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, describe, it } from 'node:test'
import { overLimits, packageSizes } from '../weapp-size.mjs'

const dist = mkdtempSync(join(tmpdir(), 'xiangli-weapp-'))
after(() => rmSync(dist, { recursive: true, force: true }))

function put(path, bytes) {
  mkdirSync(dirname(join(dist, path)), { recursive: true })
  writeFileSync(join(dist, path), 'x'.repeat(bytes))
}

describe('weapp package sizes', () => {
  it('counts files under a subpackage root to that subpackage and the rest to the main package', () => {
    const app = JSON.stringify({
      pages: ['pages/home/index'],
      subPackages: [{ root: 'subpackages/me/' }, { root: 'subpackages/meeting' }],
    })
    put('app.json', 0)
    writeFileSync(join(dist, 'app.json'), app)
    put('common.js', 1000)
    put('pages/home/index.js', 200)
    put('vendors.js.LICENSE.txt', 5000)
    put('common.js.map', 7000)
    put('subpackages/me/pages/login/index.js', 300)
    put('subpackages/me/sub-common/a.js', 40)
    // a sibling whose name starts like a root is not inside it
    put('subpackages/meeting/pages/x.js', 11)
    put('subpackages/meetings.js', 13)
    const sizes = packageSizes(dist)
    assert.deepEqual(sizes.subpackages, { 'subpackages/me': 340, 'subpackages/meeting': 11 })
    assert.equal(sizes.main, app.length + 1000 + 200 + 13)
  })

  it("names each limit a build is over: our main budget, WeChat's 2 MB per subpackage and 20 MB in all", () => {
    const KB = 1024
    assert.deepEqual(overLimits({ main: 500 * KB, subpackages: { 'subpackages/a': 1900 * KB } }), [])
    assert.deepEqual(overLimits({ main: 601 * KB, subpackages: { 'subpackages/a': 2049 * KB } }), [
      'main package over its 600 KB budget',
      "subpackages/a over WeChat's 2 MB subpackage limit",
    ])
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`subpackages/s${i}`, 1900 * KB]))
    assert.deepEqual(overLimits({ main: 500 * KB, subpackages: many }), [
      "the whole package over WeChat's 20 MB limit",
    ])
  })
})
