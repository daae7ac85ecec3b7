import {
  ageOn,
  idNumberCheckChar,
  isRealDate,
  isValidPhone,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  parseIdNumber,
} from './identity'

/** A valid number for a birth date (YYYYMMDD) and a 3-digit sequence; the check character is computed. */
const idFor = (birth: string, seq = '123', area = '110101') => {
  const first17 = `${area}${birth}${seq}`
  return first17 + idNumberCheckChar(first17)
}
const TODAY = new Date('2024-06-15T12:00:00Z')

describe('idNumberCheckChar', () => {
  it('gives the check characters of the numbers published with GB 11643', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X')
    expect(idNumberCheckChar('44052418800101001')).toBe('4')
  })

  it('changes when any one of the first 17 digits changes', () => {
    const base = '11010519491231002'
    for (let i = 0; i < 17; i++) {
      const changed = base.slice(0, i) + String((Number(base[i]) + 1) % 10) + base.slice(i + 1)
      expect(idNumberCheckChar(changed)).not.toBe(idNumberCheckChar(base))
    }
  })
})

describe('parseIdNumber', () => {
  it('accepts a valid number and reads the birth date and sex from it', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    })
    expect(parseIdNumber(idFor('19900307', '011'), TODAY)).toMatchObject({
      birthDate: '1990-03-07',
      sex: 'male',
    })
  })

  it('refuses the published 1880 example: nobody alive was born before 1900', () => {
    expect(idNumberCheckChar('44052418800101001')).toBe('4')
    expect(parseIdNumber('440524188001010014', TODAY)).toEqual({ problem: 'birth_date' })
  })

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(parseIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ value: '11010519491231002X' })
    expect(normalizeIdNumber(' 1101 0519 4912 3100 2x')).toBe('11010519491231002X')
  })

  it.each([
    ['17 digits', '11010519491231002'],
    ['19 digits', '110105194912310021X'],
    ['a letter inside', '1101051949123A002X'],
    ['X anywhere but the end', 'X10105194912310021'],
    ['a 15-digit legacy number', '110105491231002'],
    ['nothing', ''],
  ])('refuses %s as a format problem', (_, raw) => {
    expect(parseIdNumber(raw, TODAY)).toEqual({ problem: 'format' })
  })

  it('refuses a wrong check character', () => {
    const good = idFor('19900307')
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    expect(parseIdNumber(wrong, TODAY)).toEqual({ problem: 'check_digit' })
  })

  it('accepts 29 February in leap years', () => {
    expect(parseIdNumber(idFor('20000229'), TODAY)).toMatchObject({ birthDate: '2000-02-29' })
    expect(parseIdNumber(idFor('20040229'), TODAY)).toMatchObject({ birthDate: '2004-02-29' })
  })

  it('refuses 29 February in years that are not leap years', () => {
    expect(parseIdNumber(idFor('20010229'), TODAY)).toEqual({ problem: 'birth_date' })
    expect(parseIdNumber(idFor('19000229'), TODAY)).toEqual({ problem: 'birth_date' })
    expect(parseIdNumber(idFor('21000229'), new Date('2200-01-01T00:00:00Z'))).toEqual({
      problem: 'birth_date',
    })
  })

  it.each([
    ['month 13', '19901301'],
    ['month 00', '19900001'],
    ['day 00', '19900100'],
    ['31 April', '19900431'],
    ['a year before 1900', '18991231'],
  ])('refuses a birth date with %s', (_, birth) => {
    expect(parseIdNumber(idFor(birth), TODAY)).toEqual({ problem: 'birth_date' })
  })

  it('refuses a birth date after today but accepts today', () => {
    expect(parseIdNumber(idFor('20240616'), TODAY)).toEqual({ problem: 'birth_date' })
    expect(parseIdNumber(idFor('20240615'), TODAY)).toMatchObject({ birthDate: '2024-06-15' })
  })

  it('reads an odd 17th digit as male and an even one as female', () => {
    expect(parseIdNumber(idFor('19900307', '001'), TODAY)).toMatchObject({ sex: 'male' })
    expect(parseIdNumber(idFor('19900307', '009'), TODAY)).toMatchObject({ sex: 'male' })
    expect(parseIdNumber(idFor('19900307', '000'), TODAY)).toMatchObject({ sex: 'female' })
    expect(parseIdNumber(idFor('19900307', '998'), TODAY)).toMatchObject({ sex: 'female' })
  })
})

describe('isRealDate', () => {
  it('knows the length of every month', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    lengths.forEach((days, i) => {
      expect(isRealDate(2023, i + 1, days)).toBe(true)
      expect(isRealDate(2023, i + 1, days + 1)).toBe(false)
    })
  })

  it('applies the century rule for leap years', () => {
    expect(isRealDate(1600, 2, 29)).toBe(true)
    expect(isRealDate(1700, 2, 29)).toBe(false)
    expect(isRealDate(2024, 2, 29)).toBe(true)
  })

  it('refuses fractions and out-of-range parts', () => {
    expect(isRealDate(2020, 1.5, 1)).toBe(false)
    expect(isRealDate(2020, 1, 0)).toBe(false)
    expect(isRealDate(2020, 0, 1)).toBe(false)
    expect(isRealDate(Number.NaN, 1, 1)).toBe(false)
  })
})

describe('masking', () => {
  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X')
    expect(maskIdNumber('11010519491231002X')).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
  })

  it('masks a 15-digit legacy number with the same rule', () => {
    expect(maskIdNumber('110105491231002')).toBe('1101*******1002')
  })

  it('hides a value too short to keep both ends', () => {
    expect(maskIdNumber('12345678')).toBe('********')
    expect(maskIdNumber('')).toBe('')
  })

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('123456')).toBe('******')
  })

  it('shows only the family name and, from three characters, the last character of a name', () => {
    expect(maskName('李')).toBe('李')
    expect(maskName('张三')).toBe('张*')
    expect(maskName('王秀英')).toBe('王*英')
    expect(maskName('欧阳修文')).toBe('欧**文')
    expect(maskName('')).toBe('')
  })

  it('counts a character outside the basic plane as one', () => {
    expect(maskName('𠮷野家')).toBe('𠮷*家')
  })
})

describe('phone numbers', () => {
  it('strips spaces, dashes and the country code', () => {
    expect(normalizePhone(' +86 138-1234-5678 ')).toBe('13812345678')
    expect(normalizePhone('8613812345678')).toBe('13812345678')
  })

  it('accepts 11-digit mobile numbers starting 13 to 19 only', () => {
    expect(isValidPhone('13812345678')).toBe(true)
    expect(isValidPhone('19912345678')).toBe(true)
    expect(isValidPhone('+86 158 1234 5678')).toBe(true)
    expect(isValidPhone('12812345678')).toBe(false)
    expect(isValidPhone('1381234567')).toBe(false)
    expect(isValidPhone('138123456789')).toBe(false)
    expect(isValidPhone('0571-88888888')).toBe(false)
  })
})

describe('ageOn', () => {
  it('adds a year on the birthday and not the day before', () => {
    expect(ageOn('1990-06-15', new Date('2024-06-14T12:00:00Z'))).toBe(33)
    expect(ageOn('1990-06-15', new Date('2024-06-15T00:00:00Z'))).toBe(34)
  })

  it('counts the month before the day', () => {
    expect(ageOn('1990-12-01', new Date('2024-11-30T12:00:00Z'))).toBe(33)
    expect(ageOn('1990-01-31', new Date('2024-02-01T12:00:00Z'))).toBe(34)
  })

  it('makes a person born on 29 February a year older on 1 March in other years', () => {
    expect(ageOn('2000-02-29', new Date('2023-02-28T12:00:00Z'))).toBe(22)
    expect(ageOn('2000-02-29', new Date('2023-03-01T00:00:00Z'))).toBe(23)
    expect(ageOn('2000-02-29', new Date('2024-02-29T00:00:00Z'))).toBe(24)
  })

  it('is 0 on the day of birth', () => {
    expect(ageOn('2024-06-15', new Date('2024-06-15T00:00:00Z'))).toBe(0)
  })

  it('reads the day in UTC', () => {
    // 2024-06-15 07:00 in Beijing is still 14 June in UTC
    expect(ageOn('1990-06-15', new Date('2024-06-15T07:00:00+08:00'))).toBe(33)
  })
})
