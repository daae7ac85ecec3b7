import {
  certificateYear,
  checkNumberSequence,
  chinaDate,
  formatCertificateNumber,
  isVillageCode,
  nextCertificateNumber,
  parseCertificateNumber,
} from './numbering'

const VILLAGE = '330106101201'

describe('certificate numbers', () => {
  it('are the village code, the year and a sequence padded to four digits', () => {
    expect(formatCertificateNumber({ villageCode: VILLAGE, year: 2026, sequence: 7 })).toBe(
      '330106101201-2026-0007',
    )
  })

  it('grow past four digits instead of wrapping', () => {
    expect(formatCertificateNumber({ villageCode: VILLAGE, year: 2026, sequence: 12345 })).toBe(
      '330106101201-2026-12345',
    )
  })

  it.each([
    ['a short village code', { villageCode: '3301', year: 2026, sequence: 1 }],
    ['sequence 0', { villageCode: VILLAGE, year: 2026, sequence: 0 }],
    ['a fractional sequence', { villageCode: VILLAGE, year: 2026, sequence: 1.5 }],
    ['a two-digit year', { villageCode: VILLAGE, year: 26, sequence: 1 }],
  ])('cannot be made from %s', (_, n) => {
    expect(() => formatCertificateNumber(n)).toThrow()
  })

  it('follow one another', () => {
    expect(nextCertificateNumber(VILLAGE, 2026, 0)).toBe('330106101201-2026-0001')
    expect(nextCertificateNumber(VILLAGE, 2026, 9999)).toBe('330106101201-2026-10000')
  })

  it('know a village code when they see one', () => {
    expect(isVillageCode(VILLAGE)).toBe(true)
    expect(isVillageCode('33010610120')).toBe(false)
    expect(isVillageCode('33010610120a')).toBe(false)
  })
})

describe('parseCertificateNumber', () => {
  it('reads back what format wrote', () => {
    for (const sequence of [1, 7, 999, 9999, 10000, 123456]) {
      const n = { villageCode: VILLAGE, year: 2026, sequence }
      expect(parseCertificateNumber(formatCertificateNumber(n))).toEqual(n)
    }
  })

  it('reads a number typed with spaces, full-width digits or another dash', () => {
    const want = { villageCode: VILLAGE, year: 2026, sequence: 7 }
    expect(parseCertificateNumber(' 330106101201 - 2026 - 0007 ')).toEqual(want)
    expect(parseCertificateNumber('３３０１０６１０１２０１－２０２６－０００７')).toEqual(want)
    expect(parseCertificateNumber('330106101201—2026—0007')).toEqual(want)
  })

  it.each([
    ['three sequence digits', '330106101201-2026-007'],
    ['extra leading zeros', '330106101201-2026-00007'],
    ['sequence zero', '330106101201-2026-0000'],
    ['an eleven-digit village code', '33010610120-2026-0007'],
    ['a year before 2000', '330106101201-1999-0007'],
    ['letters', '330106101201-2026-00O7'],
    ['no separators', '33010610120120260007'],
    ['nothing', ''],
  ])('refuses %s', (_, raw) => {
    expect(parseCertificateNumber(raw)).toBeNull()
  })
})

describe('the year of a certificate', () => {
  it('is the year in China, which starts eight hours before UTC', () => {
    expect(certificateYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026)
    expect(certificateYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027)
    expect(chinaDate(new Date('2026-03-07T16:30:00Z'))).toBe('2026-03-08')
  })
})

describe('checkNumberSequence', () => {
  const n = (seq: number, year = 2026, village = VILLAGE) =>
    formatCertificateNumber({ villageCode: village, year, sequence: seq })

  it('passes 1 to 100 in any order', () => {
    const numbers = Array.from({ length: 100 }, (_, i) => n(100 - i))
    const report = checkNumberSequence(numbers)
    expect(report.gapless).toBe(true)
    expect(report.series).toEqual([
      { villageCode: VILLAGE, year: 2026, count: 100, highest: 100, missing: [], duplicates: [] },
    ])
  })

  it('passes an empty register', () => {
    expect(checkNumberSequence([])).toEqual({ gapless: true, series: [], invalid: [] })
  })

  it('names the numbers missing from a series', () => {
    const report = checkNumberSequence([n(1), n(2), n(5)])
    expect(report.gapless).toBe(false)
    expect(report.series[0]!.missing).toEqual([3, 4])
  })

  it('counts a series that does not start at 1 as missing its start', () => {
    expect(checkNumberSequence([n(2), n(3)]).series[0]!.missing).toEqual([1])
  })

  it('names a number given twice', () => {
    const report = checkNumberSequence([n(1), n(2), n(2)])
    expect(report.gapless).toBe(false)
    expect(report.series[0]!.duplicates).toEqual([2])
  })

  it('checks each village and each year on its own', () => {
    const other = '330106101202'
    const report = checkNumberSequence([
      n(1, 2026),
      n(2, 2026),
      n(1, 2027),
      n(1, 2026, other),
      n(3, 2026, other),
    ])
    expect(report.series.map((s) => [s.villageCode, s.year, s.missing])).toEqual([
      [VILLAGE, 2026, []],
      [VILLAGE, 2027, []],
      [other, 2026, [2]],
    ])
    expect(report.gapless).toBe(false)
  })

  it('fails on a string that is not a certificate number', () => {
    const report = checkNumberSequence([n(1), 'ABC'])
    expect(report).toMatchObject({ gapless: false, invalid: ['ABC'] })
  })
})
