/**
 * The committee's notice form (起草 / 更正): what the boxes hold while typed (amounts as yuan text),
 * and the check that turns it into the request the server takes (amounts as integer fen). A finance
 * notice states its totals as in the ledger; the form refuses totals that do not add up before anything
 * is sent (the server refuses them too, with NOTICE_FINANCE_TOTALS_MISMATCH).
 */
import {
  NOTICE_CATEGORY_DEFAULT_DAYS,
  checkFinanceTotals,
  checkPeriod,
  defaultPeriod,
  isValidIsoDate,
  MONTH_PERIOD_RE,
  QUARTER_PERIOD_RE,
  noticeCorrectionSchema,
  noticeDraftSchema,
  sumFinanceLines,
  type FinanceLine,
  type FinanceLineKind,
  type FinanceTotals,
  type IsoDate,
  type NoticeCategory,
  type NoticeCorrectionRequest,
  type NoticeDraftRequest,
  type NoticeView,
  type PublicityPeriod,
} from '@xiangli/shared'
import { photoProblem, uploadedIds, type DraftPhoto } from '@/logic/photoDraft'
import { fenToYuanInput, formatFen, parseYuan } from './noticeMoney'

export interface LineDraft {
  key: string
  kind: FinanceLineKind
  item: string
  /** yuan, as typed */
  amount: string
  note: string
}

export interface NoticeForm {
  category: NoticeCategory | null
  title: string
  body: string
  /** '' = the default period, counted from the publishing day */
  periodStart: string
  periodEnd: string
  requiresAck: boolean
  major: boolean
  /** null: the whole village; otherwise the one villager group (村民小组) it is for */
  audienceGroupId: number | null
  /** 财务公开: '2026-10' or '2026-Q4' */
  coversPeriod: string
  lines: LineDraft[]
  /** the totals as the ledger states them (yuan text) */
  totalIncome: string
  totalExpense: string
  openingBalance: string
  closingBalance: string
  /** attachments already stored (a draft being edited again) */
  attachmentIds: number[]
  /** pictures added now */
  photos: DraftPhoto[]
}

export type NoticeFormField =
  'category' | 'title' | 'body' | 'period' | 'coversPeriod' | 'lines' | 'totals' | 'photos' | 'reason'

export type NoticeFormErrors = Partial<Record<NoticeFormField, string>> & {
  /** per line key: what is wrong with that line */
  line?: Record<string, string>
}

export const emptyLine = (key: string, kind: FinanceLineKind = 'expense'): LineDraft => ({
  key,
  kind,
  item: '',
  amount: '',
  note: '',
})

export function newNoticeForm(category: NoticeCategory | null = null): NoticeForm {
  return {
    category,
    title: '',
    body: '',
    periodStart: '',
    periodEnd: '',
    requiresAck: false,
    major: false,
    audienceGroupId: null,
    coversPeriod: '',
    lines: [],
    totalIncome: '',
    totalExpense: '',
    openingBalance: '',
    closingBalance: '',
    attachmentIds: [],
    photos: [],
  }
}

/** A notice (a draft to edit, or a published one to correct) back in the boxes. */
export function formFromNotice(n: NoticeView, newKey: () => string): NoticeForm {
  const t = n.totals
  return {
    category: n.category,
    title: n.title,
    body: n.body,
    periodStart: n.periodStart ?? '',
    periodEnd: n.periodEnd ?? '',
    requiresAck: n.requiresAck,
    major: n.major,
    audienceGroupId: n.audience.kind === 'group' ? n.audience.groupId : null,
    coversPeriod: n.coversPeriod ?? '',
    lines: n.lines.map((l) => ({
      key: newKey(),
      kind: l.kind,
      item: l.item,
      amount: fenToYuanInput(l.amountFen),
      note: l.note ?? '',
    })),
    totalIncome: t ? fenToYuanInput(t.totalIncomeFen) : '',
    totalExpense: t ? fenToYuanInput(t.totalExpenseFen) : '',
    openingBalance: t?.openingBalanceFen != null ? fenToYuanInput(t.openingBalanceFen) : '',
    closingBalance: t?.closingBalanceFen != null ? fenToYuanInput(t.closingBalanceFen) : '',
    attachmentIds: n.attachments.map((a) => a.fileId),
    photos: [],
  }
}

export interface LiveTotals {
  incomeFen: number
  expenseFen: number
  /** income − expense */
  balanceFen: number
  /** lines whose amount cannot be read yet (left out of the sums) */
  unreadable: number
}

/** The sums of the lines as typed so far, for the live 合计 under the table. */
export function liveTotals(lines: readonly LineDraft[]): LiveTotals {
  let incomeFen = 0
  let expenseFen = 0
  let unreadable = 0
  for (const l of lines) {
    if (l.amount.trim() === '') continue
    const r = parseYuan(l.amount)
    if (!r.ok) {
      unreadable += 1
      continue
    }
    if (l.kind === 'income') incomeFen += r.fen
    else expenseFen += r.fen
  }
  return { incomeFen, expenseFen, balanceFen: incomeFen - expenseFen, unreadable }
}

/** The month before `today` ('2026-10' on any day of 2026-11): what a monthly finance notice usually reports. */
export function previousMonth(today: IsoDate): string {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** The default 公示期 of a category, from today (shown as a hint; the server applies it). */
export function defaultPeriodFor(category: NoticeCategory, today: IsoDate): PublicityPeriod {
  return defaultPeriod(today, NOTICE_CATEGORY_DEFAULT_DAYS[category])
}

/** Balances may be negative (an overdrawn account): a leading minus is allowed here only. */
function parseBalance(text: string): { ok: true; fen: number | null } | { ok: false; message: string } {
  const t = text.trim()
  if (t === '') return { ok: true, fen: null }
  const negative = t.startsWith('-')
  const r = parseYuan(negative ? t.slice(1) : t)
  if (!r.ok) return r
  return { ok: true, fen: negative ? -r.fen : r.fen }
}

export type FormCheck =
  { ok: true; value: NoticeDraftRequest } | { ok: false; errors: NoticeFormErrors; first: string }

const fail = (errors: NoticeFormErrors): FormCheck => {
  const first =
    Object.entries(errors)
      .filter(([k]) => k !== 'line')
      .map(([, v]) => v as string)[0] ??
    Object.values(errors.line ?? {})[0] ??
    '请把标红的地方改一下'
  return { ok: false, errors, first }
}

/** Finance lines and totals from the boxes, or what is wrong with them. */
function financePart(
  f: NoticeForm,
  errors: NoticeFormErrors,
): { lines: FinanceLine[]; totals: FinanceTotals } | null {
  const lineErrors: Record<string, string> = {}
  const lines: FinanceLine[] = []
  for (const l of f.lines) {
    const blank = l.item.trim() === '' && l.amount.trim() === '' && l.note.trim() === ''
    if (blank) continue
    if (l.item.trim() === '') {
      lineErrors[l.key] = '请填写项目名称'
      continue
    }
    const r = parseYuan(l.amount)
    if (!r.ok) {
      lineErrors[l.key] = r.message
      continue
    }
    if (l.item.trim().length > 60) {
      lineErrors[l.key] = '项目名称最多 60 个字'
      continue
    }
    lines.push({
      kind: l.kind,
      item: l.item.trim(),
      amountFen: r.fen,
      ...(l.note.trim() ? { note: l.note.trim() } : {}),
    })
  }
  if (Object.keys(lineErrors).length > 0) errors.line = lineErrors
  else if (lines.length === 0) errors.lines = '财务公开请至少填一笔收入或支出'

  const income = parseYuan(f.totalIncome)
  const expense = parseYuan(f.totalExpense)
  const opening = parseBalance(f.openingBalance)
  const closing = parseBalance(f.closingBalance)
  if (!income.ok) errors.totals = `收入合计：${income.message}`
  else if (!expense.ok) errors.totals = `支出合计：${expense.message}`
  else if (!opening.ok) errors.totals = `期初余额：${opening.message}`
  else if (!closing.ok) errors.totals = `期末余额：${closing.message}`
  if (errors.line || errors.lines || errors.totals || !income.ok || !expense.ok || !opening.ok || !closing.ok)
    return null

  const totals: FinanceTotals = {
    totalIncomeFen: income.fen,
    totalExpenseFen: expense.fen,
    openingBalanceFen: opening.fen,
    closingBalanceFen: closing.fen,
  }
  const check = checkFinanceTotals(lines, totals)
  if (!check.ok) {
    errors.totals = `合计对不上：${check.reason}，请核对明细和账本`
    return null
  }
  return { lines, totals }
}

/**
 * Checks the form for the server's draft request. The shared schema checks the words; the money is
 * checked here first so that a mismatch is said next to the table, in yuan.
 */
export function checkNoticeForm(f: NoticeForm): FormCheck {
  const errors: NoticeFormErrors = {}
  if (!f.category) errors.category = '请选择公开类别'
  const photos = photoProblem(f.photos)
  if (photos) errors.photos = photos

  const start = f.periodStart.trim()
  const end = f.periodEnd.trim()
  if ((start === '') !== (end === '')) errors.period = '公示期的开始和结束日期要一起填，或者都不填（按默认）'
  else if (start !== '') {
    if (!isValidIsoDate(start) || !isValidIsoDate(end)) errors.period = '日期的格式不对，应为 年-月-日'
    else {
      const p = checkPeriod({ start, end })
      if (!p.ok)
        errors.period =
          p.code === 'NOTICE_PERIOD_TOO_LONG'
            ? '公示期太长了，最多 90 天'
            : '公示期的结束日期不能早于开始日期'
    }
  }

  let finance: { lines: FinanceLine[]; totals: FinanceTotals } | null = null
  if (f.category === 'finance') {
    const covers = f.coversPeriod.trim()
    if (covers === '') errors.coversPeriod = '请填写公开的是哪个月或哪个季度，例如 2026-10'
    else if (!MONTH_PERIOD_RE.test(covers) && !QUARTER_PERIOD_RE.test(covers))
      errors.coversPeriod = '公开的期间应为 2026-10（月）或 2026-Q4（季度）的格式'
    finance = financePart(f, errors)
  }

  const request: NoticeDraftRequest = {
    category: f.category ?? 'other',
    title: f.title,
    body: f.body,
    lines: finance?.lines ?? [],
    totals: finance?.totals ?? null,
    attachmentIds: [...f.attachmentIds, ...uploadedIds(f.photos)],
    audience:
      f.audienceGroupId === null ? { kind: 'village' } : { kind: 'group', groupId: f.audienceGroupId },
    periodStart: start === '' ? null : start,
    periodEnd: end === '' ? null : end,
    requiresAck: f.requiresAck,
    major: f.major,
    coversPeriod: f.category === 'finance' && f.coversPeriod.trim() !== '' ? f.coversPeriod.trim() : null,
  }
  const parsed = noticeDraftSchema.safeParse(request)
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      const key: NoticeFormField =
        field === 'title'
          ? 'title'
          : field === 'body'
            ? 'body'
            : field === 'attachmentIds'
              ? 'photos'
              : 'lines'
      if (!errors[key]) errors[key] = issue.message
    }
  if (Object.keys(errors).length > 0) return fail(errors)
  return { ok: true, value: request }
}

/** A correction: the same content check plus the reason, which is required. */
export function checkCorrection(
  f: NoticeForm,
  reason: string,
): { ok: true; value: NoticeCorrectionRequest } | { ok: false; errors: NoticeFormErrors; first: string } {
  const base = checkNoticeForm(f)
  const errors: NoticeFormErrors = base.ok ? {} : { ...base.errors }
  if (reason.trim() === '') errors.reason = '请写明更正的原因，村民会看到'
  else if (reason.trim().length > 200) errors.reason = '更正的原因最多 200 个字'
  if (!base.ok || errors.reason) {
    const r = fail(errors)
    return r.ok ? { ok: false, errors, first: '请把标红的地方改一下' } : r
  }
  const v = base.value
  const value: NoticeCorrectionRequest = {
    reason: reason.trim(),
    title: v.title,
    body: v.body ?? '',
    lines: v.lines ?? [],
    totals: v.totals ?? null,
    attachmentIds: v.attachmentIds ?? [],
  }
  const parsed = noticeCorrectionSchema.safeParse(value)
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? '请把标红的地方改一下'
    return { ok: false, errors: { reason: message }, first: message }
  }
  return { ok: true, value }
}

/** The live totals in words, with what is still off against the stated totals. */
export function totalsHint(f: NoticeForm): { text: string; mismatch: string | null } {
  const live = liveTotals(f.lines)
  const text = `明细合计：收入 ${formatFen(live.incomeFen)}，支出 ${formatFen(live.expenseFen)}，收支相抵 ${formatFen(live.balanceFen)}`
  const problems: string[] = []
  const income = parseYuan(f.totalIncome)
  const expense = parseYuan(f.totalExpense)
  if (f.totalIncome.trim() !== '' && income.ok && income.fen !== live.incomeFen)
    problems.push(`收入合计差 ${formatFen(Math.abs(income.fen - live.incomeFen))}`)
  if (f.totalExpense.trim() !== '' && expense.ok && expense.fen !== live.expenseFen)
    problems.push(`支出合计差 ${formatFen(Math.abs(expense.fen - live.expenseFen))}`)
  if (live.unreadable > 0) problems.push(`${live.unreadable} 笔金额没填对`)
  return { text, mismatch: problems.length ? problems.join('，') : null }
}

/** The sums of stored lines (a published notice), for the table footer. */
export const storedTotals = (lines: readonly FinanceLine[]) => sumFinanceLines(lines)
