/** 财务公开: a finance notice's lines and totals, amounts in integer fen (分), never a float. */
import type { ErrorCode } from './errors'

export const FINANCE_LINE_KINDS = ['income', 'expense'] as const
export type FinanceLineKind = (typeof FINANCE_LINE_KINDS)[number]
export const FINANCE_LINE_KIND_LABELS: Record<FinanceLineKind, string> = { income: '收入', expense: '支出' }

export interface FinanceLine {
  kind: FinanceLineKind
  /** 项目, e.g. 村道修缮 */
  item: string
  /** in fen (分); 1 yuan = 100 fen. Never a float. */
  amountFen: number
  note?: string
}

/** The totals a finance notice states; the server recomputes them from the lines and refuses a mismatch. */
export interface FinanceTotals {
  totalIncomeFen: number
  totalExpenseFen: number
  /** 期初余额 and 期末余额; when both are given, opening + income − expense must equal closing */
  openingBalanceFen?: number | null
  closingBalanceFen?: number | null
}

export function sumFinanceLines(lines: readonly FinanceLine[]): { income: number; expense: number } {
  let income = 0
  let expense = 0
  for (const l of lines) {
    if (l.kind === 'income') income += l.amountFen
    else expense += l.amountFen
  }
  return { income, expense }
}

/** Checks the stated totals against the lines. Integer arithmetic only. */
export function checkFinanceTotals(
  lines: readonly FinanceLine[],
  totals: FinanceTotals,
): { ok: true } | { ok: false; code: ErrorCode; reason: string } {
  const { income, expense } = sumFinanceLines(lines)
  if (!Number.isSafeInteger(income) || !Number.isSafeInteger(expense))
    return { ok: false, code: 'NOTICE_FINANCE_TOTALS_MISMATCH', reason: '金额太大了' }
  if (income !== totals.totalIncomeFen)
    return {
      ok: false,
      code: 'NOTICE_FINANCE_TOTALS_MISMATCH',
      reason: `收入合计应为 ${formatFen(income)} 元，填的是 ${formatFen(totals.totalIncomeFen)} 元`,
    }
  if (expense !== totals.totalExpenseFen)
    return {
      ok: false,
      code: 'NOTICE_FINANCE_TOTALS_MISMATCH',
      reason: `支出合计应为 ${formatFen(expense)} 元，填的是 ${formatFen(totals.totalExpenseFen)} 元`,
    }
  const { openingBalanceFen: open, closingBalanceFen: close } = totals
  if (open !== undefined && open !== null && close !== undefined && close !== null) {
    if (open + income - expense !== close)
      return {
        ok: false,
        code: 'NOTICE_FINANCE_TOTALS_MISMATCH',
        reason: `期末余额应为 ${formatFen(open + income - expense)} 元，填的是 ${formatFen(close)} 元`,
      }
  }
  return { ok: true }
}

/** 123456 → "1,234.56"; −5 → "-0.05". For display only. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(fen))
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}${yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`
}

/** "12.5" / "12.50" / "12" → 1250 fen; null when it is not an amount with at most two decimals. */
export function parseYuanToFen(text: string): number | null {
  const m = /^\s*(-?)(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(text)
  if (!m) return null
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  return m[1] === '-' ? -fen : fen
}
