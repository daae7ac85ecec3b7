import { MAX_LINE_FEN, fenToChineseCapital, fenToYuanInput, formatFen, parseYuan } from './noticeMoney'

describe('formatFen', () => {
  it('shows yuan with thousands separators and two decimals', () => {
    expect(formatFen(123450)).toBe('¥1,234.50')
    expect(formatFen(100000000)).toBe('¥1,000,000.00')
    expect(formatFen(99999)).toBe('¥999.99')
  })

  it('shows small amounts and zero with a leading 0', () => {
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(50)).toBe('¥0.50')
  })

  it('puts the minus sign before the currency sign', () => {
    expect(formatFen(-123450)).toBe('-¥1,234.50')
  })

  it('leaves the sign out when asked', () => {
    expect(formatFen(123450, { symbol: false })).toBe('1,234.50')
  })

  it('shows a dash for a value that is not integer fen', () => {
    expect(formatFen(1.5)).toBe('—')
    expect(formatFen(Number.NaN)).toBe('—')
  })
})

describe('parseYuan', () => {
  const fen = (s: string) => {
    const r = parseYuan(s)
    if (!r.ok) throw new Error(r.message)
    return r.fen
  }
  const problem = (s: string) => {
    const r = parseYuan(s)
    return r.ok ? null : r.message
  }

  it('reads whole yuan, one and two decimals without floating-point error', () => {
    expect(fen('12')).toBe(1200)
    expect(fen('1234.5')).toBe(123450)
    expect(fen('0.1')).toBe(10)
    expect(fen('0.29')).toBe(29)
    expect(fen('1.15')).toBe(115)
    expect(fen('.5')).toBe(50)
    expect(fen('7.')).toBe(700)
  })

  it('accepts what people add around an amount: separators, ¥, 元, spaces, full-width digits', () => {
    expect(fen(' 1,234.50 ')).toBe(123450)
    expect(fen('¥12')).toBe(1200)
    expect(fen('￥ 12.3')).toBe(1230)
    expect(fen('300元')).toBe(30000)
    expect(fen('１２３．４')).toBe(12340)
  })

  it('accepts zero', () => {
    expect(fen('0')).toBe(0)
    expect(fen('0.00')).toBe(0)
  })

  it('refuses an empty box, letters and a lone dot', () => {
    expect(problem('')).toBe('请填写金额')
    expect(problem('  ')).toBe('请填写金额')
    expect(problem('12a')).toMatch(/只能填数字/)
    expect(problem('.')).toMatch(/只能填数字/)
    expect(problem('1.2.3')).toMatch(/只能填数字/)
    expect(problem('1e5')).toMatch(/只能填数字/)
  })

  it('refuses negative amounts and pointing at the expense column instead', () => {
    expect(problem('-5')).toMatch(/负数/)
  })

  it('refuses more than two decimals (fen is the smallest unit)', () => {
    expect(problem('1.234')).toMatch(/小数点后两位/)
  })

  it('refuses amounts beyond the largest a line may carry', () => {
    expect(fen(String(MAX_LINE_FEN / 100))).toBe(MAX_LINE_FEN)
    expect(problem(String(MAX_LINE_FEN / 100 + 1))).toMatch(/太大/)
    expect(problem('99999999999999999999')).toMatch(/太大/)
  })
})

describe('fenToYuanInput', () => {
  it('gives back what parseYuan reads as the same fen', () => {
    for (const n of [0, 5, 10, 99, 100, 123450, 123456, MAX_LINE_FEN]) {
      const back = parseYuan(fenToYuanInput(n))
      expect(back).toEqual({ ok: true, fen: n })
    }
  })

  it('drops trailing zeros of the decimals', () => {
    expect(fenToYuanInput(123450)).toBe('1234.5')
    expect(fenToYuanInput(100)).toBe('1')
    expect(fenToYuanInput(5)).toBe('0.05')
  })
})

describe('fenToChineseCapital', () => {
  it('writes totals in capitals as on a paper notice', () => {
    expect(fenToChineseCapital(0)).toBe('零元整')
    expect(fenToChineseCapital(123450)).toBe('壹仟贰佰叁拾肆元伍角整')
    expect(fenToChineseCapital(100000)).toBe('壹仟元整')
    expect(fenToChineseCapital(10000000)).toBe('壹拾万元整')
    expect(fenToChineseCapital(10000100)).toBe('壹拾万零壹元整')
    expect(fenToChineseCapital(10000000000)).toBe('壹亿元整')
    expect(fenToChineseCapital(10005)).toBe('壹佰元零伍分')
    expect(fenToChineseCapital(7)).toBe('柒分')
    expect(fenToChineseCapital(-50)).toBe('负伍角整')
  })
})
