import type { CertificateField } from './fields'
import {
  formatChineseDate,
  renderTemplate,
  templatePlaceholders,
  templateProblems,
  templateValues,
} from './template'

describe('renderTemplate', () => {
  it('fills every placeholder', () => {
    expect(
      renderTemplate('兹证明{{name}}居住在{{ village }}{{address}}。', {
        name: '张三',
        village: '西湖村',
        address: '3组',
      }),
    ).toEqual({
      ok: true,
      text: '兹证明张三居住在西湖村3组。',
    })
  })

  it('fills a placeholder used twice both times', () => {
    expect(renderTemplate('{{a}}和{{a}}', { a: '甲' })).toEqual({ ok: true, text: '甲和甲' })
  })

  it('refuses and names every placeholder without a value', () => {
    expect(renderTemplate('{{name}}住在{{address}}，自{{since}}起', { name: '张三', address: '  ' })).toEqual(
      {
        ok: false,
        code: 'CERTIFICATE_TEMPLATE_INCOMPLETE',
        missing: ['address', 'since'],
      },
    )
  })

  it('does not expand placeholders typed inside a value', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: '秘密' })).toEqual({ ok: true, text: '{{b}}' })
  })

  it('does not take a value from Object.prototype', () => {
    expect(renderTemplate('{{constructor}}', {})).toMatchObject({ ok: false, missing: ['constructor'] })
  })

  it('leaves text without placeholders as it is', () => {
    expect(renderTemplate('特此证明。', {})).toEqual({ ok: true, text: '特此证明。' })
  })
})

describe('templatePlaceholders', () => {
  it('lists each placeholder once, in order of first use', () => {
    expect(templatePlaceholders('{{b}}{{a}}{{ b }}')).toEqual(['b', 'a'])
  })
})

describe('formatChineseDate', () => {
  it('writes a date the way it is written on paper', () => {
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日')
    expect(formatChineseDate('2019-12-31')).toBe('2019年12月31日')
  })
})

describe('templateValues', () => {
  const fields: CertificateField[] = [
    { key: 'since', label: '开始日期', kind: 'date', required: true },
    { key: 'area', label: '面积', kind: 'number', required: true },
  ]

  it('fills the system placeholders and writes dates in Chinese', () => {
    expect(
      templateValues(
        fields,
        { name: '张三', idNumber: 'X', village: '西湖村', date: '2026-03-08' },
        { since: '2020-05-01', area: '50' },
      ),
    ).toEqual({
      name: '张三',
      idNumber: 'X',
      village: '西湖村',
      date: '2026年3月8日',
      since: '2020年5月1日',
      area: '50',
    })
  })
})

describe('templateProblems', () => {
  const fields: CertificateField[] = [
    { key: 'address', label: '住址', kind: 'text', required: true },
    { key: 'note', label: '备注', kind: 'text', required: false },
  ]

  it('finds nothing wrong with a template of system placeholders and required fields', () => {
    expect(templateProblems('{{name}}{{idNumber}}{{village}}{{date}}{{address}}', fields)).toEqual([])
  })

  it('flags a placeholder that an optional field could leave blank', () => {
    expect(templateProblems('{{note}}', fields)).toEqual(['模板用到的 {{note}} 不是必填项，可能空着'])
  })

  it('flags a placeholder that is not on the form', () => {
    expect(templateProblems('{{income}}', fields)).toEqual(['模板用到的 {{income}} 不在表单里'])
  })

  it('flags a field that takes a system placeholder name or repeats a key', () => {
    const bad: CertificateField[] = [
      ...fields,
      { key: 'name', label: '姓名', kind: 'text', required: true },
      fields[0]!,
    ]
    expect(templateProblems('{{address}}', bad)).toEqual(['表单里有重复的字段名', '字段名 name 是系统保留的'])
  })
})
