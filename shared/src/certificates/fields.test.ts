import { certificateFieldSchema, isIsoDate, validateCertificateFields, type CertificateField } from './fields'

const NOW = new Date('2026-03-01T00:00:00Z')

const field = (
  overrides: Partial<CertificateField> & Pick<CertificateField, 'key' | 'kind'>,
): CertificateField => ({
  label: overrides.key,
  required: true,
  ...overrides,
})

const FORM: CertificateField[] = [
  field({ key: 'address', label: '住址', kind: 'text', maxLength: 10 }),
  field({ key: 'since', label: '开始日期', kind: 'date' }),
  field({ key: 'area', label: '面积', kind: 'number', min: 1, max: 100 }),
  field({ key: 'tenure', label: '居住方式', kind: 'select', options: ['自有住房', '租住'] }),
  field({ key: 'note', label: '备注', kind: 'text', required: false }),
]
const GOOD = { address: '3组12号', since: '2020-05-01', area: 50, tenure: '租住' }

describe('validateCertificateFields', () => {
  it('accepts a complete form and keeps every value as a trimmed string', () => {
    expect(validateCertificateFields(FORM, { ...GOOD, address: ' 3组12号 ', area: '50.50' }, NOW)).toEqual({
      ok: true,
      values: { address: '3组12号', since: '2020-05-01', area: '50.5', tenure: '租住' },
    })
  })

  it.each(['address', 'since', 'area', 'tenure'] as const)('names the missing required field %s', (key) => {
    const input: Record<string, unknown> = { ...GOOD }
    delete input[key]
    const label = FORM.find((f) => f.key === key)!.label
    expect(validateCertificateFields(FORM, input, NOW)).toEqual({
      ok: false,
      code: 'CERTIFICATE_FIELD_MISSING',
      field: key,
      label,
    })
  })

  it('treats a blank or null value as missing', () => {
    for (const blank of ['', '   ', null])
      expect(validateCertificateFields(FORM, { ...GOOD, address: blank }, NOW)).toMatchObject({
        code: 'CERTIFICATE_FIELD_MISSING',
        field: 'address',
      })
  })

  it('reports the first problem in the order the form shows', () => {
    expect(validateCertificateFields(FORM, {}, NOW)).toMatchObject({ field: 'address' })
  })

  it('leaves an optional field out when it is not filled', () => {
    const r = validateCertificateFields(FORM, { ...GOOD, note: '' }, NOW)
    expect(r.ok && 'note' in r.values).toBe(false)
  })

  it('refuses a field the item does not ask for', () => {
    expect(validateCertificateFields(FORM, { ...GOOD, idNumber: '330106199001011234' }, NOW)).toEqual({
      ok: false,
      code: 'CERTIFICATE_FIELD_UNKNOWN',
      field: 'idNumber',
      label: 'idNumber',
    })
  })

  it.each([
    ['text longer than its limit', { address: '一二三四五六七八九十一' }],
    ['text given as a number', { address: 12 }],
    ['a date that does not exist', { since: '2023-02-29' }],
    ['a date in another format', { since: '2020/05/01' }],
    ['a number below its minimum', { area: 0 }],
    ['a number above its maximum', { area: 101 }],
    ['a number that is not one', { area: '五十' }],
    ['an infinite number', { area: Infinity }],
    ['a choice not on the list', { tenure: '借住' }],
    ['an object in place of a value', { tenure: { value: '租住' } }],
  ])('refuses %s as invalid', (_, patch) => {
    const r = validateCertificateFields(FORM, { ...GOOD, ...patch }, NOW)
    expect(r).toMatchObject({ ok: false, code: 'CERTIFICATE_FIELD_INVALID', field: Object.keys(patch)[0] })
  })

  it('uses the text default length of 100 when a field sets none', () => {
    const form = [field({ key: 'note', kind: 'text' })]
    expect(validateCertificateFields(form, { note: 'x'.repeat(100) }, NOW).ok).toBe(true)
    expect(validateCertificateFields(form, { note: 'x'.repeat(101) }, NOW).ok).toBe(false)
  })

  it('refuses a fraction where the number must be whole', () => {
    const form = [field({ key: 'year', kind: 'number', integer: true })]
    expect(validateCertificateFields(form, { year: 1998.5 }, NOW)).toMatchObject({
      code: 'CERTIFICATE_FIELD_INVALID',
    })
    expect(validateCertificateFields(form, { year: '1998' }, NOW)).toEqual({
      ok: true,
      values: { year: '1998' },
    })
  })

  it('checks an ID number by its check digit and answers with the identity code', () => {
    const form = [field({ key: 'holderId', kind: 'idNumber' })]
    expect(validateCertificateFields(form, { holderId: '11010519491231002x' }, NOW)).toEqual({
      ok: true,
      values: { holderId: '11010519491231002X' },
    })
    expect(validateCertificateFields(form, { holderId: '110105194912310021' }, NOW)).toMatchObject({
      code: 'ID_NUMBER_INVALID',
      field: 'holderId',
    })
  })

  it('checks a phone number and keeps it without spaces or country code', () => {
    const form = [field({ key: 'contact', kind: 'phone' })]
    expect(validateCertificateFields(form, { contact: '+86 138 0013 8000' }, NOW)).toEqual({
      ok: true,
      values: { contact: '13800138000' },
    })
    expect(validateCertificateFields(form, { contact: '12345' }, NOW)).toMatchObject({
      code: 'PHONE_INVALID',
    })
  })

  it('does not read keys inherited from Object.prototype as values', () => {
    const form = [field({ key: 'constructor', kind: 'text' })]
    expect(validateCertificateFields(form, {}, NOW)).toMatchObject({ code: 'CERTIFICATE_FIELD_MISSING' })
  })
})

describe('certificateFieldSchema', () => {
  const ok = {
    key: 'tenure',
    label: '居住方式',
    kind: 'select',
    required: true,
    options: ['自有住房', '租住'],
  }

  it('accepts a select with its options', () => {
    expect(certificateFieldSchema.safeParse(ok).success).toBe(true)
  })

  it.each([
    ['a select without options', { ...ok, options: undefined }],
    ['options on a text field', { ...ok, kind: 'text' }],
    ['repeated options', { ...ok, options: ['租住', '租住'] }],
    ['a length limit on a date', { key: 'd', label: '日期', kind: 'date', required: true, maxLength: 5 }],
    ['a range on a text field', { key: 't', label: '文字', kind: 'text', required: true, min: 1 }],
    [
      'a minimum above the maximum',
      { key: 'n', label: '数', kind: 'number', required: true, min: 5, max: 1 },
    ],
    ['a key that is not camelCase', { ...ok, key: 'Tenure' }],
    ['an unknown kind', { ...ok, kind: 'photo' }],
  ])('refuses %s', (_, f) => {
    expect(certificateFieldSchema.safeParse(f).success).toBe(false)
  })
})

describe('isIsoDate', () => {
  it('knows leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
  })
})
