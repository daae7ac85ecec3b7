import type { CertificateFieldValues } from './fields'
import {
  DEFAULT_POSITIVE_LIST,
  positiveItemSchema,
  renderCertificateBody,
  renderCommitment,
  type PositiveItem,
} from './positive-list'
import { templatePlaceholders } from './template'

const CONTEXT = { name: '张三', idNumber: '11010519491231002X', village: '西湖村', date: '2026-03-08' }

/** A complete, valid answer to every field of an item. */
function answersFor(item: PositiveItem): CertificateFieldValues {
  const values: CertificateFieldValues = {}
  for (const f of item.fields) {
    switch (f.kind) {
      case 'text':
        values[f.key] = `${f.label}样例`.slice(0, f.maxLength ?? 100)
        break
      case 'date':
        values[f.key] = '2020-05-01'
        break
      case 'number':
        values[f.key] = String(f.min !== undefined && f.min > 1 ? f.min : 2)
        break
      case 'select':
        values[f.key] = f.options![0]!
        break
      case 'idNumber':
        values[f.key] = '11010519491231002X'
        break
      case 'phone':
        values[f.key] = '13800138000'
        break
    }
  }
  return values
}

const ITEMS = DEFAULT_POSITIVE_LIST.map((i) => [i.name, i] as const)

describe('the default positive list', () => {
  it('has between 6 and 12 items with distinct codes', () => {
    expect(DEFAULT_POSITIVE_LIST.length).toBeGreaterThanOrEqual(6)
    expect(DEFAULT_POSITIVE_LIST.length).toBeLessThanOrEqual(12)
    expect(new Set(DEFAULT_POSITIVE_LIST.map((i) => i.code)).size).toBe(DEFAULT_POSITIVE_LIST.length)
  })

  it('offers urban communities at least the residence certificate', () => {
    expect(
      DEFAULT_POSITIVE_LIST.filter((i) => i.appliesTo.includes('community')).map((i) => i.code),
    ).toContain('residence')
  })

  it.each(ITEMS)('describes %s completely and passes the schema admins are held to', (_, item) => {
    const parsed = positiveItemSchema.safeParse(item)
    expect(parsed.success ? [] : parsed.error.issues).toEqual([])
    expect(item.legalBasis).not.toBe('')
    expect(item.purpose).not.toBe('')
    expect(item.materials.length).toBeGreaterThan(0)
    expect(item.timeLimitDays).toBeGreaterThanOrEqual(1)
  })

  it.each(ITEMS)('renders %s with every placeholder filled', (_, item) => {
    const r = renderCertificateBody(item, CONTEXT, answersFor(item))
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.text).not.toMatch(/\{\{|\}\}/)
      expect(r.text).toContain('特此证明')
    }
  })

  it.each(ITEMS)('refuses to render %s with a required field missing', (_, item) => {
    const used = templatePlaceholders(item.template)
    const required = item.fields.filter((f) => f.required && used.includes(f.key))
    for (const f of required) {
      const values = answersFor(item)
      delete values[f.key]
      expect(renderCertificateBody(item, CONTEXT, values)).toEqual({
        ok: false,
        code: 'CERTIFICATE_TEMPLATE_INCOMPLETE',
        missing: [f.key],
      })
    }
  })

  it('puts the holder, the ID number, the village and Chinese dates into the residence certificate', () => {
    const residence = DEFAULT_POSITIVE_LIST.find((i) => i.code === 'residence')!
    expect(
      renderCertificateBody(residence, CONTEXT, {
        address: '3组12号',
        residentSince: '2019-09-01',
        tenure: '租住',
      }),
    ).toEqual({
      ok: true,
      text: '兹证明张三（公民身份号码：11010519491231002X）自2019年9月1日起居住在西湖村3组12号（租住），至今仍在此居住。\n特此证明。',
    })
  })

  it('refuses to render without the holder name, so nothing is stamped blank', () => {
    const residence = DEFAULT_POSITIVE_LIST.find((i) => i.code === 'residence')!
    expect(renderCertificateBody(residence, { ...CONTEXT, name: '' }, answersFor(residence))).toMatchObject({
      ok: false,
      missing: ['name'],
    })
  })

  it.each(DEFAULT_POSITIVE_LIST.filter((i) => i.commitment.allowed).map((i) => [i.name, i] as const))(
    'lets a resident sign a commitment in place of %s',
    (_, item) => {
      const r = renderCommitment(item, CONTEXT, answersFor(item))
      expect(r).toMatchObject({ ok: true })
      if (r.ok && 'text' in r) expect(r.text).toMatch(/^本人张三.*承诺.*愿意承担相应责任。$/s)
    },
  )

  it.each(DEFAULT_POSITIVE_LIST.filter((i) => !i.commitment.allowed).map((i) => [i.name, i] as const))(
    'does not offer a commitment in place of %s',
    (_, item) => {
      expect(renderCommitment(item, CONTEXT, answersFor(item))).toEqual({
        ok: false,
        code: 'CERTIFICATE_COMMITMENT_NOT_ALLOWED',
      })
    },
  )

  it('never certifies kinship, income or property in a default template', () => {
    for (const item of DEFAULT_POSITIVE_LIST)
      expect(item.template).not.toMatch(/亲属|父子|母子|收入|存款|车辆/)
  })
})

describe('positiveItemSchema', () => {
  const residence = DEFAULT_POSITIVE_LIST.find((i) => i.code === 'residence')!

  it('refuses an item whose template uses a field the form does not have', () => {
    const r = positiveItemSchema.safeParse({ ...residence, template: '兹证明{{name}}的月收入为{{income}}。' })
    expect(r.success).toBe(false)
  })

  it('refuses an item whose commitment could come out with a blank', () => {
    const r = positiveItemSchema.safeParse({
      ...residence,
      commitment: { allowed: true, text: '本人{{name}}承诺{{nickname}}属实。' },
    })
    expect(r.success).toBe(false)
  })

  it('refuses a time limit beyond 30 days or below 1', () => {
    expect(positiveItemSchema.safeParse({ ...residence, timeLimitDays: 31 }).success).toBe(false)
    expect(positiveItemSchema.safeParse({ ...residence, timeLimitDays: 0 }).success).toBe(false)
  })

  it('refuses an item that applies nowhere', () => {
    expect(positiveItemSchema.safeParse({ ...residence, appliesTo: [] }).success).toBe(false)
  })
})
