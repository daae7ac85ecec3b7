import { ERRORS, idNumberCheckChar } from '@xiangli/shared'
import { validateVerificationForm, type VerificationForm } from './verifyForm'

const today = new Date('2025-03-05T00:00:00.000Z')
const first17 = '11010519800101001'
const validId = first17 + idNumberCheckChar(first17)
const wrongCheck = first17 + (idNumberCheckChar(first17) === '1' ? '2' : '1')

const form = (overrides: Partial<VerificationForm> = {}): VerificationForm => ({
  villageId: 11,
  name: '张三',
  idNumber: validId,
  phone: '13812345678',
  ...overrides,
})

describe('validateVerificationForm', () => {
  it('accepts a complete form and sends the cleaned-up values', () => {
    const result = validateVerificationForm(
      form({
        name: ' 张三 ',
        idNumber: ` ${validId.slice(0, 6)} ${validId.slice(6)} `,
        phone: '+86 138-1234-5678',
      }),
      today,
    )
    expect(result).toEqual({
      ok: true,
      value: { villageId: 11, name: '张三', idNumber: validId, phone: '13812345678' },
    })
  })

  it('accepts a lowercase x as the last character of the ID number', () => {
    const endsInX = Array.from(
      { length: 999 },
      (_, i) => `11010519800101${String(i + 1).padStart(3, '0')}`,
    ).find((f17) => idNumberCheckChar(f17) === 'X')!
    const result = validateVerificationForm(form({ idNumber: `${endsInX}x` }), today)
    expect(result).toMatchObject({ ok: true, value: { idNumber: `${endsInX}X` } })
  })

  it('asks for every empty field at once', () => {
    const result = validateVerificationForm({ villageId: null, name: ' ', idNumber: '', phone: '' }, today)
    expect(result).toEqual({
      ok: false,
      errors: {
        villageId: '请选择您所在的村（社区）',
        name: '请填写姓名',
        idNumber: '请填写身份证号',
        phone: '请填写手机号',
      },
    })
  })

  it('says when the ID number is too short', () => {
    const result = validateVerificationForm(form({ idNumber: '110105' }), today)
    expect(result).toEqual({ ok: false, errors: { idNumber: ERRORS.ID_NUMBER_INVALID.message } })
  })

  it('says when the ID number has a digit copied wrong', () => {
    const result = validateVerificationForm(form({ idNumber: wrongCheck }), today)
    expect(result).toEqual({ ok: false, errors: { idNumber: '身份证号有一位对不上，可能抄错了，请核对' } })
  })

  it('says when the birth date inside the ID number does not exist', () => {
    const bad17 = '11010519800231001'
    const result = validateVerificationForm(form({ idNumber: bad17 + idNumberCheckChar(bad17) }), today)
    expect(result).toEqual({ ok: false, errors: { idNumber: '身份证号里的出生日期不对，请核对' } })
  })

  it('rejects a phone number that is not a mainland mobile', () => {
    const result = validateVerificationForm(form({ phone: '02161234567' }), today)
    expect(result).toEqual({ ok: false, errors: { phone: ERRORS.PHONE_INVALID.message } })
  })

  it('rejects a name longer than 30 characters', () => {
    const result = validateVerificationForm(form({ name: '张'.repeat(31) }), today)
    expect(result).toEqual({ ok: false, errors: { name: '姓名最多 30 个字' } })
  })
})
