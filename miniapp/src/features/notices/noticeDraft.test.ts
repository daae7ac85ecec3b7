import type { NoticeView } from '@xiangli/shared'
import {
  checkCorrection,
  checkNoticeForm,
  defaultPeriodFor,
  emptyLine,
  formFromNotice,
  liveTotals,
  newNoticeForm,
  previousMonth,
  totalsHint,
  type LineDraft,
  type NoticeForm,
} from './noticeDraft'

let n = 0
const key = () => `k${++n}`
const ln = (kind: LineDraft['kind'], item: string, amount: string): LineDraft => ({
  ...emptyLine(key(), kind),
  item,
  amount,
})

const finance = (overrides: Partial<NoticeForm> = {}): NoticeForm => ({
  ...newNoticeForm('finance'),
  title: '2026年10月财务公开',
  body: '十月份村集体收支情况如下',
  coversPeriod: '2026-10',
  lines: [
    ln('income', '上级补助', '5000'),
    ln('expense', '村道修缮', '3,200.5'),
    ln('expense', '路灯电费', '0.1'),
  ],
  totalIncome: '5000',
  totalExpense: '3200.60',
  ...overrides,
})

describe('liveTotals', () => {
  it('adds the lines in fen, without floating-point error, and skips boxes not readable yet', () => {
    const t = liveTotals([
      ln('expense', 'a', '0.1'),
      ln('expense', 'b', '0.2'),
      ln('income', 'c', '1'),
      ln('income', 'd', 'x'),
    ])
    expect(t).toEqual({ incomeFen: 100, expenseFen: 30, balanceFen: 70, unreadable: 1 })
  })
})

describe('checkNoticeForm', () => {
  it('turns a finance form into the request with amounts in integer fen', () => {
    const r = checkNoticeForm(finance())
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.lines).toEqual([
      { kind: 'income', item: '上级补助', amountFen: 500000 },
      { kind: 'expense', item: '村道修缮', amountFen: 320050 },
      { kind: 'expense', item: '路灯电费', amountFen: 10 },
    ])
    expect(r.value.totals).toEqual({
      totalIncomeFen: 500000,
      totalExpenseFen: 320060,
      openingBalanceFen: null,
      closingBalanceFen: null,
    })
    expect(r.value.coversPeriod).toBe('2026-10')
    expect(r.value.periodStart).toBeNull()
  })

  it('refuses totals that do not add up, saying the right figure', () => {
    const r = checkNoticeForm(finance({ totalExpense: '3200.50' }))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.totals).toMatch(/合计对不上：支出合计应为 3,200.60 元，填的是 3,200.50 元/)
  })

  it('refuses a closing balance that does not follow from the opening balance', () => {
    const r = checkNoticeForm(finance({ openingBalance: '-100', closingBalance: '1699.40' }))
    expect(r.ok).toBe(true)
    const bad = checkNoticeForm(finance({ openingBalance: '100', closingBalance: '1000' }))
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.errors.totals).toMatch(/期末余额应为/)
  })

  it('points at the line whose amount is wrong and skips blank lines', () => {
    const bad = ln('expense', '办公用品', '12.345')
    const r = checkNoticeForm(finance({ lines: [...finance().lines, bad, ln('expense', '', '')] }))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.line).toEqual({ [bad.key]: '金额最多到分（小数点后两位）' })
  })

  it('asks for at least one line and for the item name', () => {
    const empty = checkNoticeForm(finance({ lines: [], totalIncome: '0', totalExpense: '0' }))
    expect(!empty.ok && empty.errors.lines).toBe('财务公开请至少填一笔收入或支出')
    const noName = ln('income', ' ', '5')
    const r = checkNoticeForm(finance({ lines: [noName] }))
    expect(!r.ok && r.errors.line?.[noName.key]).toBe('请填写项目名称')
  })

  it('asks for the category, the title and a well-formed period', () => {
    const r = checkNoticeForm({ ...newNoticeForm(), periodStart: '2026-11-20' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.category).toBe('请选择公开类别')
    expect(r.errors.title).toBe('请填写标题')
    expect(r.errors.period).toMatch(/一起填/)
    expect(r.first).toBe('请选择公开类别')
  })

  it('refuses a period that ends before it starts or lasts too long', () => {
    const base = { ...newNoticeForm('village'), title: '通知' }
    const backwards = checkNoticeForm({ ...base, periodStart: '2026-11-20', periodEnd: '2026-11-19' })
    expect(!backwards.ok && backwards.errors.period).toBe('公示期的结束日期不能早于开始日期')
    const long = checkNoticeForm({ ...base, periodStart: '2026-01-01', periodEnd: '2026-12-31' })
    expect(!long.ok && long.errors.period).toMatch(/最多 90 天/)
    const feb30 = checkNoticeForm({ ...base, periodStart: '2026-02-20', periodEnd: '2026-02-30' })
    expect(!feb30.ok && feb30.errors.period).toMatch(/格式不对/)
    const leap = checkNoticeForm({ ...base, periodStart: '2028-02-20', periodEnd: '2028-02-29' })
    expect(leap.ok).toBe(true)
  })

  it('sends no lines for a notice that is not about finance', () => {
    const r = checkNoticeForm({ ...finance(), category: 'village' })
    expect(r.ok && r.value.lines).toEqual([])
    expect(r.ok && r.value.totals).toBeNull()
  })

  it('waits for photos still uploading', () => {
    const r = checkNoticeForm(
      finance({
        photos: [
          {
            key: 'p',
            localPath: 'blob:1',
            status: 'uploading',
            progress: 10,
            fileId: null,
            url: null,
            error: null,
          },
        ],
      }),
    )
    expect(!r.ok && r.errors.photos).toBe('照片还在上传，请稍等')
  })

  it('asks which month or quarter a finance notice reports, in a known form', () => {
    const r = checkNoticeForm(finance({ coversPeriod: '2026-13' }))
    expect(!r.ok && r.errors.coversPeriod).toMatch(/2026-Q4/)
    const none = checkNoticeForm(finance({ coversPeriod: ' ' }))
    expect(!none.ok && none.errors.coversPeriod).toMatch(/哪个月或哪个季度/)
    expect(checkNoticeForm(finance({ coversPeriod: '2026-Q4' })).ok).toBe(true)
  })
})

describe('checkCorrection', () => {
  it('requires the reason', () => {
    const r = checkCorrection(finance(), '  ')
    expect(!r.ok && r.errors.reason).toMatch(/更正的原因/)
  })

  it('sends the content and the reason', () => {
    const r = checkCorrection(finance(), '村道修缮金额录错')
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.value.reason).toBe('村道修缮金额录错')
      expect(r.value.totals?.totalExpenseFen).toBe(320060)
    }
  })
})

describe('formFromNotice', () => {
  it('puts a stored finance notice back into the boxes in yuan', () => {
    const view = {
      category: 'finance',
      title: 't',
      body: 'b',
      periodStart: '2026-11-20',
      periodEnd: '2026-11-26',
      requiresAck: false,
      major: false,
      coversPeriod: '2026-10',
      lines: [{ kind: 'expense', item: '村道修缮', amountFen: 320050 }],
      totals: {
        totalIncomeFen: 0,
        totalExpenseFen: 320050,
        openingBalanceFen: -500,
        closingBalanceFen: null,
      },
      attachments: [{ fileId: 7 }],
      audience: { kind: 'village' },
    } as unknown as NoticeView
    const f = formFromNotice(view, key)
    expect(f.lines[0]).toMatchObject({ item: '村道修缮', amount: '3200.5' })
    expect(f.totalExpense).toBe('3200.5')
    expect(f.openingBalance).toBe('-5')
    expect(f.closingBalance).toBe('')
    expect(f.attachmentIds).toEqual([7])
    expect(checkNoticeForm(f).ok).toBe(true)
    expect(f.audienceGroupId).toBeNull()
  })

  it('keeps a group audience through editing and sends it back', () => {
    const view = {
      category: 'village',
      title: '二组水渠清淤安排',
      body: '周六上午八点',
      periodStart: null,
      periodEnd: null,
      requiresAck: false,
      major: false,
      coversPeriod: null,
      lines: [],
      totals: null,
      attachments: [],
      audience: { kind: 'group', groupId: 12 },
    } as unknown as NoticeView
    const f = formFromNotice(view, key)
    expect(f.audienceGroupId).toBe(12)
    const r = checkNoticeForm(f)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.audience).toEqual({ kind: 'group', groupId: 12 })
    const whole = checkNoticeForm({ ...f, audienceGroupId: null })
    expect(whole.ok && whole.value.audience).toEqual({ kind: 'village' })
  })
})

describe('totalsHint', () => {
  it('shows the live sums and how far the stated totals are off', () => {
    const h = totalsHint(finance({ totalExpense: '3000' }))
    expect(h.text).toBe('明细合计：收入 ¥5,000.00，支出 ¥3,200.60，收支相抵 ¥1,799.40')
    expect(h.mismatch).toBe('支出合计差 ¥200.60')
    expect(totalsHint(finance()).mismatch).toBeNull()
  })
})

describe('previousMonth', () => {
  it('steps back over the new year', () => {
    expect(previousMonth('2026-11-25')).toBe('2026-10')
    expect(previousMonth('2027-01-03')).toBe('2026-12')
  })
})

describe('defaultPeriodFor', () => {
  it('counts the category default days from today, today included', () => {
    expect(defaultPeriodFor('finance', '2026-11-25')).toEqual({ start: '2026-11-25', end: '2026-12-01' })
    expect(defaultPeriodFor('other', '2028-02-27')).toEqual({ start: '2028-02-27', end: '2028-03-02' })
  })
})
