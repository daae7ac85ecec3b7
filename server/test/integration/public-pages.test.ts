import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { maskName } from '@xiangli/shared'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

/** what a page may weigh on the wire */
const LIMIT = 30 * 1024

interface Fetched {
  status: number
  headers: Record<string, unknown>
  /** the bytes as they crossed the wire */
  wire: Buffer
  /** the page, decompressed */
  text: string
}

async function fetchPage(t: TestApp, url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const res = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers })
  const wire = res.rawPayload
  const enc = res.headers['content-encoding']
  const plain = enc === 'br' ? brotliDecompressSync(wire) : enc === 'gzip' ? gunzipSync(wire) : wire
  return { status: res.statusCode, headers: res.headers, wire, text: plain.toString('utf8') }
}

/** The page as text a person reads: tags gone, entities back. */
const readable = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

function expectPlainPage(p: Fetched, status = 200) {
  expect(p.status).toBe(status)
  expect(p.headers['content-type']).toBe('text/html; charset=utf-8')
  expect(p.text).toMatch(/^<!doctype html><html lang="zh-CN">/)
  // readable without JavaScript: there is none
  expect(p.text).not.toMatch(/<script/i)
  expect(p.wire.length).toBeLessThanOrEqual(LIMIT)
  expect(String(p.headers['content-security-policy'])).toContain("script-src 'self'")
}

describe(`the public pages as plain HTML on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number; township: number }
  let committee: string
  let noticeId: number
  const TITLE = '<script>alert("乡里")</script>村道修缮公示'

  const api = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    t.request({ method, url: `/api/villages/${ids.village}${url}`, token: committee, body })

  async function publish(draft: Record<string, unknown>): Promise<number> {
    const c = await api('POST', '/notices', draft)
    expect(c.status).toBe(201)
    expect((await api('POST', `/notices/${c.body.id}/publish`, {})).status).toBe(200)
    return c.body.id
  }

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    committee = await t.login('committee')
    noticeId = await publish({
      category: 'village',
      title: TITLE,
      body: '村道修缮工程已完工。<img src=x onerror=alert(1)> 如有疑问请在公示期内提出。',
    })
  })
  afterAll(async () => t.close())

  describe('a published notice', () => {
    it('reads as plain HTML with the title escaped, nothing of it run as markup', async () => {
      const p = await fetchPage(t, `/notices/${noticeId}`)
      expectPlainPage(p)
      expect(p.text).toContain('&lt;script&gt;alert(&quot;乡里&quot;)&lt;/script&gt;村道修缮公示')
      expect(p.text).toContain('&lt;img src=x onerror=alert(1)&gt;')
      expect(p.text).not.toContain('<img')
      const text = readable(p.text)
      expect(text).toContain(TITLE)
      expect(text).toContain('柳林村')
      expect(text).toContain('村务公开')
      expect(text).toContain('公示中')
      // the way into the app, and to the village's board
      expect(p.text).toContain(`href="/#/subpackages/notice/pages/detail/index?id=${noticeId}"`)
      expect(p.text).toContain(`href="/villages/${ids.village}/notices"`)
    })

    it('goes compressed to a browser that takes brotli or gzip, and plain to one that does not', async () => {
      const plain = await fetchPage(t, `/notices/${noticeId}`)
      const br = await fetchPage(t, `/notices/${noticeId}`, { 'accept-encoding': 'gzip, deflate, br' })
      const gz = await fetchPage(t, `/notices/${noticeId}`, { 'accept-encoding': 'gzip' })
      const refused = await fetchPage(t, `/notices/${noticeId}`, { 'accept-encoding': 'br;q=0, gzip' })
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(br.headers['content-encoding']).toBe('br')
      expect(gz.headers['content-encoding']).toBe('gzip')
      expect(refused.headers['content-encoding']).toBe('gzip')
      for (const p of [br, gz, refused]) {
        expect(p.text).toBe(plain.text)
        expect(p.wire.length).toBeLessThan(plain.wire.length)
        expect(p.headers.vary).toBe('accept-encoding')
      }
    })

    it('is revalidated on every visit, an unchanged page answering 304', async () => {
      const first = await fetchPage(t, `/notices/${noticeId}`)
      expect(first.headers['cache-control']).toBe('no-cache')
      const etag = String(first.headers.etag)
      expect(etag).toMatch(/^W\/".+"$/)
      const again = await fetchPage(t, `/notices/${noticeId}`, { 'if-none-match': etag })
      expect(again.status).toBe(304)
      expect(again.wire.length).toBe(0)
    })

    it('shows the latest version of a corrected notice and says it was corrected', async () => {
      const before = await fetchPage(t, `/notices/${noticeId}`)
      const res = await api('POST', `/notices/${noticeId}/corrections`, {
        reason: '完工日期写错了',
        title: TITLE,
        body: '村道修缮工程已于11月20日完工。',
      })
      expect(res.status).toBe(200)
      const p = await fetchPage(t, `/notices/${noticeId}`, { 'if-none-match': String(before.headers.etag) })
      expectPlainPage(p)
      const text = readable(p.text)
      expect(text).toContain('已更正 · 第 2 版')
      expect(text).toContain('本公告已更正，这里是更正后的第 2 版')
      expect(text).toContain('更正原因：完工日期写错了')
      expect(text).toContain('村道修缮工程已于11月20日完工。')
      expect(text).toMatch(/第 2 版（现行）[\s\S]*更正原因：完工日期写错了[\s\S]*第 1 版 · 首次发布/)
      // the first version, as it was published, in full behind a <details> that opens without script
      expect(p.text).toMatch(
        /<details><summary>查看这一版全文<\/summary>[\s\S]*如有疑问请在公示期内提出[\s\S]*<\/details>/,
      )
    })

    it('shows a finance notice’s lines and totals', async () => {
      const id = await publish({
        category: 'finance',
        title: '2026年10月财务公开',
        body: '本月收支如下。',
        lines: [
          { kind: 'income', item: '土地租金', amountFen: 1_200_000 },
          { kind: 'expense', item: '村道修缮', amountFen: 830_001, note: '一组至二组' },
        ],
        totals: { totalIncomeFen: 1_200_000, totalExpenseFen: 830_001 },
        coversPeriod: '2026-10',
      })
      const text = readable((await fetchPage(t, `/notices/${id}`)).text)
      expect(text).toContain('收入明细 金额 土地租金 ¥12,000.00')
      expect(text).toContain('村道修缮 一组至二组 ¥8,300.01')
      expect(text).toContain('收支相抵 ¥3,699.99')
    })

    it('answers a plain 404 page in Chinese for a draft, a missing notice and a malformed id', async () => {
      const draft = await api('POST', '/notices', { category: 'village', title: '还没发布', body: '草稿' })
      for (const url of [`/notices/${draft.body.id}`, '/notices/999999', '/notices/abc']) {
        const p = await fetchPage(t, url, { 'accept-encoding': 'gzip' })
        expectPlainPage(p, 404)
        expect(p.headers['cache-control']).toBe('no-store')
        expect(readable(p.text)).toContain('没有找到这个页面')
        expect(p.text).not.toContain('还没发布')
      }
    })
  })

  describe('a village’s 公开栏', () => {
    it('lists the published notices for the whole village, escaped, each linking to its page', async () => {
      const [group] = await t.ds.query(`SELECT id FROM org WHERE name = ? AND parentId = ?`, [
        '二组',
        ids.village,
      ])
      const forGroup = await publish({
        category: 'village',
        title: '二组自来水改造',
        body: '二组的事',
        audience: { kind: 'group', groupId: Number(group.id) },
      })
      const p = await fetchPage(t, `/villages/${ids.village}/notices`, { 'accept-encoding': 'br' })
      expectPlainPage(p)
      expect(p.headers['cache-control']).toBe('no-cache')
      const text = readable(p.text)
      expect(text).toContain('柳林村公开栏')
      expect(text).toContain(TITLE)
      expect(p.text).not.toContain('<script>alert')
      expect(p.text).toContain(`href="/notices/${noticeId}"`)
      expect(text).not.toContain('还没发布')
      expect(p.text).not.toContain(`href="/notices/${forGroup}"`)
      expect(p.text).toContain('href="/#/pages/public/index"')
    })

    it('answers 404 for a township or an unknown id, and 400 for a page that is not a number', async () => {
      for (const url of [`/villages/${ids.township}/notices`, '/villages/999999/notices']) {
        const p = await fetchPage(t, url)
        expectPlainPage(p, 404)
        expect(readable(p.text)).toContain('没有找到这个页面')
      }
      const bad = await fetchPage(t, `/villages/${ids.village}/notices?page=abc`)
      expectPlainPage(bad, 400)
      expect(readable(bad.text)).toContain('出错了')
    })
  })

  describe('the certificate check', () => {
    let issued: { number: string; verificationCode: string; applicantName: string }
    beforeAll(async () => {
      const rows = await t.ds.query(
        `SELECT number, verificationCode, applicantName FROM certificate_request WHERE state = 'issued' ORDER BY id`,
      )
      issued = rows[0]
    })
    const check = (n: string, c: string) =>
      fetchPage(t, `/certificates/check?n=${encodeURIComponent(n)}&c=${encodeURIComponent(c)}`, {
        'accept-encoding': 'gzip',
      })

    it('says 有效 for a number and its code, with the holder’s name masked, never stored', async () => {
      const p = await check(issued.number, issued.verificationCode.toLowerCase())
      expectPlainPage(p)
      expect(p.headers['cache-control']).toBe('no-store')
      const text = readable(p.text)
      expect(text).toContain('有效')
      expect(text).toContain(`持证人：${maskName(issued.applicantName)}`)
      expect(text).not.toContain(issued.applicantName)
      expect(text).toContain(`证明编号：${issued.number}`)
      // and a form for another
      expect(p.text).toContain('<form method="get" action="/certificates/check">')
    })

    it('says 无效 for a wrong code, and shows nothing of the certificate', async () => {
      const p = await check(issued.number, 'ABCDEFGH')
      expectPlainPage(p)
      const text = readable(p.text)
      expect(text).toContain('无效')
      expect(text).toContain('没有查到这份证明')
      expect(text).not.toContain('持证人')
    })

    it('shows the form without a number, and says what is missing when one half was given', async () => {
      const empty = await fetchPage(t, '/certificates/check')
      expectPlainPage(empty)
      expect(readable(empty.text)).toContain('输入证明编号和查验码')
      const half = await fetchPage(t, `/certificates/check?n=${encodeURIComponent(issued.number)}`)
      expectPlainPage(half)
      expect(readable(half.text)).toContain('请输入查验码')
      expect(half.text).toContain(`value="${issued.number}"`)
      const escaped = await fetchPage(
        t,
        `/certificates/check?n=${encodeURIComponent('"><script>x</script>')}`,
      )
      expectPlainPage(escaped)
      expect(escaped.text).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"')
    })

    it('answers a number longer than any with a plain 400 page', async () => {
      const p = await fetchPage(t, `/certificates/check?n=${'1'.repeat(60)}&c=ABCDEFGH`)
      expectPlainPage(p, 400)
      expect(readable(p.text)).toContain('出错了')
    })
  })
})

describe(`the H5 app served compressed and cached on ${DIALECT}`, () => {
  let t: TestApp
  let h5: string
  const script = `console.log(${JSON.stringify('乡里'.repeat(400))})`

  beforeAll(async () => {
    h5 = mkdtempSync(join(tmpdir(), 'xiangli-h5-'))
    mkdirSync(join(h5, 'js'))
    const index = `<!doctype html><html><head><script defer src="/js/app.2dad2547.js"></script></head><body><div id="app"></div>${' '.repeat(600)}</body></html>`
    // as the build leaves them: each file with its brotli and gzip copies beside it
    for (const [name, text] of [
      ['index.html', index],
      ['js/app.2dad2547.js', script],
      ['js/plain.js', script],
    ] as const) {
      writeFileSync(join(h5, name), text)
      writeFileSync(join(h5, `${name}.br`), brotliCompressSync(Buffer.from(text)))
      writeFileSync(join(h5, `${name}.gz`), gzipSync(Buffer.from(text)))
    }
    t = await startTestApp({ H5_DIR: h5 })
  })
  afterAll(async () => {
    await t.close()
    rmSync(h5, { recursive: true, force: true })
  })

  it('sends a hashed asset precompressed, kept for a year and never revalidated', async () => {
    for (const [encoding, header] of [
      ['br', 'gzip, deflate, br'],
      ['gzip', 'gzip, deflate'],
    ] as const) {
      const p = await fetchPage(t, '/js/app.2dad2547.js', { 'accept-encoding': header })
      expect(p.status).toBe(200)
      expect(p.headers['content-encoding']).toBe(encoding)
      expect(String(p.headers['content-type'])).toMatch(/javascript/)
      expect(p.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(String(p.headers.vary)).toMatch(/accept-encoding/i)
      expect(p.text).toBe(script)
      expect(p.wire.length).toBeLessThan(Buffer.byteLength(script) / 4)
    }
    const plain = await fetchPage(t, '/js/app.2dad2547.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.text).toBe(script)
  })

  it('revalidates index.html and any file without a hash in its name on every load', async () => {
    for (const url of ['/', '/index.html']) {
      const p = await fetchPage(t, url, { 'accept-encoding': 'br' })
      expect(p.status).toBe(200)
      expect(p.headers['content-encoding']).toBe('br')
      expect(p.headers['cache-control']).toBe('no-cache')
      expect(p.text).toContain('<div id="app"></div>')
    }
    expect((await fetchPage(t, '/js/plain.js')).headers['cache-control']).toBe('no-cache')
  })

  it('still answers the API and the plain pages beside the app', async () => {
    expect((await fetchPage(t, '/health/live')).status).toBe(200)
    expectPlainPage(await fetchPage(t, '/certificates/check'))
  })
})
