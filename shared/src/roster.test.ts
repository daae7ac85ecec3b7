import { idNumberCheckChar } from './identity'
import { mapRosterHeader, parseRosterRow, type RawRosterRow } from './roster'

const TODAY = new Date('2024-06-15T12:00:00Z')
const first17 = '11010119800131002' // born 1980-01-31, even sequence: female
const ID = first17 + idNumberCheckChar(first17)

/** A row that passes; each test changes the one field it is about. */
const row = (overrides: RawRosterRow = {}): RawRosterRow => ({
  householdCode: '001',
  address: '一组 1 号',
  groupName: '一组',
  name: '王秀英',
  sex: '女',
  birthDate: '1980-01-31',
  idNumber: ID,
  phone: '13800001111',
  relation: '户主',
  isHouseholdRep: '是',
  residency: '户籍',
  ...overrides,
})
const reasonFor = (overrides: RawRosterRow) => {
  const r = parseRosterRow(row(overrides), TODAY)
  return r.ok ? null : r.reason
}

describe('parseRosterRow', () => {
  it('reads a complete row', () => {
    expect(parseRosterRow(row(), TODAY)).toEqual({
      ok: true,
      row: {
        householdCode: '001',
        address: '一组 1 号',
        groupName: '一组',
        name: '王秀英',
        sex: 'female',
        birthDate: '1980-01-31',
        idNumber: ID,
        phone: '13800001111',
        isHouseholdHead: true,
        isHouseholdRep: true,
        residency: 'registered',
      },
    })
  })

  it('takes sex and birth date from the ID number when those cells are empty', () => {
    const r = parseRosterRow({ householdCode: '001', name: '王秀英', idNumber: ID }, TODAY)
    expect(r).toEqual({
      ok: true,
      row: expect.objectContaining({
        sex: 'female',
        birthDate: '1980-01-31',
        phone: null,
        address: null,
        groupName: null,
        isHouseholdHead: false,
        isHouseholdRep: false,
        residency: 'registered',
      }),
    })
  })

  it.each(['1980年1月31日', '1980/1/31', '1980.01.31', '19800131'])(
    'reads the birth date written as %s',
    (birthDate) => {
      expect(parseRosterRow(row({ birthDate }), TODAY)).toMatchObject({
        ok: true,
        row: { birthDate: '1980-01-31' },
      })
    },
  )

  it('normalises the phone number', () => {
    expect(parseRosterRow(row({ phone: '+86 138-0000-1111' }), TODAY)).toMatchObject({
      ok: true,
      row: { phone: '13800001111' },
    })
  })

  it.each(['非户籍', '非户籍常住', '常住', '流动人口', '否'])('reads “%s” as not registered', (residency) => {
    expect(parseRosterRow(row({ residency }), TODAY)).toMatchObject({
      ok: true,
      row: { residency: 'non_registered' },
    })
  })

  it.each(['户籍外出', '外出'])('reads “%s” as registered here and living elsewhere', (residency) => {
    expect(parseRosterRow(row({ residency }), TODAY)).toMatchObject({
      ok: true,
      row: { residency: 'registered_away' },
    })
  })

  it('counts 本人 as the household head and any other relation as not', () => {
    expect(parseRosterRow(row({ relation: '本人' }), TODAY)).toMatchObject({ row: { isHouseholdHead: true } })
    expect(parseRosterRow(row({ relation: '之女' }), TODAY)).toMatchObject({
      row: { isHouseholdHead: false },
    })
  })

  it.each([
    ['an empty name', { name: '  ' }, '姓名为空'],
    ['a name over 30 characters', { name: '王'.repeat(31) }, '姓名过长'],
    ['an empty household code', { householdCode: '' }, '户号为空'],
    ['a household code over 32 characters', { householdCode: '1'.repeat(33) }, '户号过长'],
    ['an empty ID number', { idNumber: '' }, '身份证号为空'],
    ['an ID number of the wrong length', { idNumber: ID.slice(0, 17) }, '身份证号应为 18 位'],
    [
      'an ID number with an impossible birth date',
      { idNumber: '11010119800230' + '002' + idNumberCheckChar('11010119800230002'), birthDate: '' },
      '身份证号中的出生日期不存在',
    ],
    [
      'an ID number with a wrong check digit',
      { idNumber: first17 + (ID[17] === '1' ? '2' : '1') },
      '身份证号校验位不对，可能抄错了一位',
    ],
    ['a sex that is neither 男 nor 女', { sex: 'F' }, '性别应填“男”或“女”，不能是“F”'],
    ['a sex that contradicts the ID number', { sex: '男' }, '性别与身份证号不一致'],
    [
      'an unreadable birth date',
      { birthDate: '31/01/1980' },
      '出生日期“31/01/1980”无法识别，请写成 1980-01-31',
    ],
    [
      'an impossible birth date',
      { birthDate: '1980-02-30' },
      '出生日期“1980-02-30”无法识别，请写成 1980-01-31',
    ],
    ['a birth date that contradicts the ID number', { birthDate: '1980-01-30' }, '出生日期与身份证号不一致'],
    ['a wrong phone number', { phone: '1380000111' }, '手机号“1380000111”不正确'],
    [
      'an unknown household-representative value',
      { isHouseholdRep: '也许' },
      '户代表应填“是”或“否”，不能是“也许”',
    ],
    [
      'an unknown residency value',
      { residency: '外地' },
      '户籍类型应填“户籍”、“户籍外出”或“非户籍”，不能是“外地”',
    ],
  ])('refuses a row with %s', (_, overrides, reason) => {
    expect(reasonFor(overrides)).toBe(reason)
  })

  it('reports the first problem in the order a clerk reads the row', () => {
    expect(reasonFor({ name: '', idNumber: '' })).toBe('姓名为空')
    expect(reasonFor({ idNumber: 'x', phone: 'y' })).toBe('身份证号应为 18 位')
  })
})

describe('mapRosterHeader', () => {
  it('finds the columns by their template names', () => {
    const { columns, missing } = mapRosterHeader([
      '户号',
      '住址',
      '村民小组',
      '姓名',
      '性别',
      '出生日期',
      '身份证号',
      '手机号',
      '与户主关系',
      '户代表',
      '户籍类型',
    ])
    expect(missing).toEqual([])
    expect(columns).toEqual({
      householdCode: 0,
      address: 1,
      groupName: 2,
      name: 3,
      sex: 4,
      birthDate: 5,
      idNumber: 6,
      phone: 7,
      relation: 8,
      isHouseholdRep: 9,
      residency: 10,
    })
  })

  it('finds the columns by the other names people type for them', () => {
    const { columns, missing } = mapRosterHeader([
      '户编号',
      '家庭住址',
      '网格',
      '姓名',
      '出生年月日',
      '公民身份号码',
      '联系电话',
      '是否户代表',
      '居住类型',
    ])
    expect(missing).toEqual([])
    expect(columns).toEqual({
      householdCode: 0,
      address: 1,
      groupName: 2,
      name: 3,
      birthDate: 4,
      idNumber: 5,
      phone: 6,
      isHouseholdRep: 7,
      residency: 8,
    })
  })

  it('ignores unknown headers and surrounding spaces', () => {
    expect(mapRosterHeader(['序号', ' 户号 ', '姓名 ', '备注', '身份证号码']).columns).toEqual({
      householdCode: 1,
      name: 2,
      idNumber: 4,
    })
  })

  it('keeps the first of two columns with the same meaning', () => {
    expect(mapRosterHeader(['户号', '姓名', '身份证号', '手机号', '联系电话']).columns.phone).toBe(3)
  })

  it('names every missing required column', () => {
    expect(mapRosterHeader(['姓名', '手机号']).missing).toEqual(['householdCode', 'idNumber'])
    expect(mapRosterHeader(['户号', '姓名']).missing).toEqual(['idNumber'])
    expect(mapRosterHeader([]).missing).toEqual(['householdCode', 'name', 'idNumber'])
  })
})
