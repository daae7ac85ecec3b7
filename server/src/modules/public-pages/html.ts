/**
 * The frame of the public pages: escaping, the one inline style sheet, a few formats. Pure string
 * building, nothing else: a page must read in WeChat's browser and on an old phone, with no script,
 * no web font and no request beyond the page itself.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text as HTML: every user string goes through here, in element content and attribute values alike. */
export const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!)

/**
 * A template that escapes what it interpolates, except `Html` (a fragment built here) and arrays of
 * them; null, undefined and false print nothing, so `${cond && h`…`}` reads naturally. (Named `h`,
 * not `html`, so the formatter leaves the markup as written: whitespace inside it shows on the page.)
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}
type Part = Html | string | number | null | undefined | false | readonly Html[]
export function h(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!
  parts.forEach((p, i) => {
    if (p instanceof Html) out += p.text
    else if (Array.isArray(p)) out += (p as readonly Html[]).map((x) => x.text).join('')
    else if (p !== null && p !== undefined && p !== false) out += esc(p as string | number)
    out += strings[i + 1]!
  })
  return new Html(out)
}

// System fonts only (PingFang on iPhones, the maker's font on Android, YaHei on Windows), 18 px text
// and 44 px links and buttons for people who read slowly; about 1.5 KB.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2329;font:18px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;-webkit-text-size-adjust:100%}
main{max-width:42em;margin:0 auto;padding:12px}
section,.card{background:#fff;border-radius:8px;padding:14px 16px;margin:0 0 12px}
h1{font-size:22px;line-height:1.4;margin:0 0 8px}
h2{font-size:18px;margin:0 0 6px}
p{margin:6px 0}
a{color:#0b5cad}
.meta,.muted{color:#5c6370;font-size:16px}
.tag{display:inline-block;border:1px solid #c7ccd4;border-radius:4px;padding:0 6px;margin:0 6px 4px 0;font-size:15px}
.tag.warn{border-color:#b45309;color:#b45309}
.note{background:#fff7e6;border-left:4px solid #d97706;padding:8px 12px;margin:8px 0}
.good{background:#e8f5ec;border-left:4px solid #15803d}
.bad{background:#fdecec;border-left:4px solid #b91c1c}
.verdict{font-size:26px;font-weight:bold;margin:0 0 6px}
.text{white-space:pre-wrap;word-break:break-word}
table{width:100%;border-collapse:collapse;margin:8px 0;font-size:16px}
th,td{border-bottom:1px solid #e3e6ea;padding:6px 4px;text-align:left;vertical-align:top}
td.n{text-align:right;white-space:nowrap}
ul.list{list-style:none;margin:0;padding:0}
ul.list li{border-bottom:1px solid #e3e6ea;padding:10px 0}
ul.list li:last-child{border-bottom:0}
summary{min-height:44px;line-height:44px;color:#0b5cad}
.act{display:block;min-height:48px;padding:12px 10px;line-height:1.4;text-align:center;background:#0b5cad;color:#fff;border-radius:8px;text-decoration:none;margin:8px 0;font-size:18px}
.act.plain{background:#fff;color:#0b5cad;border:1px solid #0b5cad}
label{display:block;margin:10px 0 4px}
input{width:100%;font-size:18px;min-height:48px;padding:8px;border:1px solid #9aa1ab;border-radius:6px}
button{width:100%;font-size:18px;min-height:48px;margin-top:14px;border:0;border-radius:8px;background:#0b5cad;color:#fff}
footer{text-align:center;color:#5c6370;font-size:14px;padding:8px 0 24px}
`
  .trim()
  .replace(/\n/g, '')

/** A whole page: its title, its content, and the app's name at the foot. */
export function layout(title: string, content: Html): string {
  return `<!doctype html>${h`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="format-detection" content="telephone=no"><title>${title}</title><style>${new Html(STYLE)}</style></head><body><main>${content}</main><footer>乡里 · 村务公开与便民服务</footer></body></html>`}`
}

/** '2026-11-25' → 2026年11月25日 */
export function cnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso
}

/** 123450 → ¥1,234.50 (amounts are integer fen). */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) return '—'
  const abs = Math.abs(fen)
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${fen < 0 ? '-' : ''}¥${whole}.${String(abs % 100).padStart(2, '0')}`
}

/** A link into the H5 app (hash routing), for those who want to act. */
export const appLink = (page: string): string => `/#${page}`
