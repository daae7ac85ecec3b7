/**
 * Money on finance notices (财务公开). The server stores and checks amounts as integer fen (分); people
 * read and type yuan (元). Everything here works on strings and integers, never on floating yuan, so
 * 0.1 + 0.2 never becomes 0.30000000000000004 on a notice.
 */

/** The largest amount one line may carry: 100 亿元 in fen, far above any village account, far below 2^53. */
export const MAX_LINE_FEN = 1_000_000_000_000

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** 123450 → ¥1,234.50; -5 → -¥0.05. Integer fen only (anything else is a programming error upstream). */
export function formatFen(fen: number, { symbol = true }: { symbol?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) return '—'
  const negative = fen < 0
  const abs = Math.abs(fen)
  const yuan = groupThousands(String(Math.floor(abs / 100)))
  const cents = String(abs % 100).padStart(2, '0')
  return `${negative ? '-' : ''}${symbol ? '¥' : ''}${yuan}.${cents}`
}

/** For an input box being edited again: 123450 → "1234.5"; 100 → "1"; 5 → "0.05". */
export function fenToYuanInput(fen: number): string {
  if (!Number.isSafeInteger(fen)) return ''
  const negative = fen < 0
  const abs = Math.abs(fen)
  const cents = abs % 100
  const whole = String(Math.floor(abs / 100))
  const fraction =
    cents === 0 ? '' : cents % 10 === 0 ? `.${cents / 10}` : `.${String(cents).padStart(2, '0')}`
  return `${negative ? '-' : ''}${whole}${fraction}`
}

export type YuanParse = { ok: true; fen: number } | { ok: false; message: string }

// full-width digits and punctuation, as a Chinese keyboard may type them
const FULL_WIDTH = /[０-９．，]/g
const toHalfWidth = (s: string): string =>
  s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))

/**
 * What a person typed as yuan, to integer fen: "1,234.5" → 123450, "¥12" → 1200, "0.05" → 5.
 * Refuses (with the words to show under the box) an empty box, letters, a negative amount, more than
 * two decimals (分 is the smallest unit) and amounts beyond MAX_LINE_FEN.
 */
export function parseYuan(input: string): YuanParse {
  const text = toHalfWidth(input)
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .replace(/,/g, '')
  if (text === '') return { ok: false, message: '请填写金额' }
  if (text.startsWith('-')) return { ok: false, message: '金额不能是负数，支出请填在支出一栏' }
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text)
  if (!match || (match[1] === '' && (match[2] ?? '') === ''))
    return { ok: false, message: '金额只能填数字，例如 1234.50' }
  const whole = match[1] || '0'
  const fraction = match[2] ?? ''
  if (fraction.length > 2) return { ok: false, message: '金额最多到分（小数点后两位）' }
  if (whole.replace(/^0+/, '').length > 13) return { ok: false, message: '金额太大了，请核对' }
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(fen) || fen > MAX_LINE_FEN) return { ok: false, message: '金额太大了，请核对' }
  return { ok: true, fen }
}

/** In Chinese capitals (大写), as a finance notice prints totals: 1234.50 → 壹仟贰佰叁拾肆元伍角整. */
export function fenToChineseCapital(fen: number): string {
  if (!Number.isSafeInteger(fen)) return ''
  if (fen === 0) return '零元整'
  const negative = fen < 0
  const abs = Math.abs(fen)
  const digits = '零壹贰叁肆伍陆柒捌玖'
  const units = ['', '拾', '佰', '仟']
  const groups = ['', '万', '亿', '万亿']
  const yuan = Math.floor(abs / 100)
  const jiao = Math.floor(abs / 10) % 10
  const fenDigit = abs % 10

  let out = ''
  if (yuan > 0) {
    const s = String(yuan)
    let zero = false
    for (let i = 0; i < s.length; i++) {
      const d = Number(s[i])
      const pos = s.length - 1 - i
      const unit = units[pos % 4]!
      if (d === 0) zero = true
      else {
        if (zero) out += '零'
        zero = false
        out += digits[d]! + unit
      }
      if (pos % 4 === 0 && pos > 0) {
        // a group of four zeros adds no 万
        const group = s.slice(Math.max(0, i - 3), i + 1)
        if (Number(group) > 0) out += groups[pos / 4]!
      }
    }
    out += '元'
  }
  if (jiao === 0 && fenDigit === 0) out += '整'
  else {
    if (yuan > 0 && jiao === 0) out += '零'
    if (jiao > 0) out += `${digits[jiao]!}角`
    if (fenDigit > 0) out += `${digits[fenDigit]!}分`
    else out += '整'
  }
  return `${negative ? '负' : ''}${out}`
}
