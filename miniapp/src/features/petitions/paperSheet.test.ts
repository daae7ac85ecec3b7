import { addSigner, paperSheetLine, sheetProblem } from './paperSheet'

const person = (residentId: number, name: string) => ({
  residentId,
  name,
  phoneMasked: null,
  birthYear: '1960',
  householdCode: '002',
})

describe('the paper signature sheet', () => {
  it('says what a recorded sheet added, and only the parts that happened', () => {
    expect(paperSheetLine({ counted: 3, alreadySigned: 0, notEligible: [] })).toBe('新计入 3 人')
    expect(paperSheetLine({ counted: 1, alreadySigned: 2, notEligible: ['刘小满'] })).toBe(
      '新计入 1 人；2 人之前已联名，不重复计算；不符合联名条件未计入：刘小满',
    )
  })

  it('chooses each person once, in the order chosen', () => {
    const once = addSigner([person(1, '王秀英')], person(2, '刘长青'))
    expect(addSigner(once, person(1, '王秀英')).map((p) => p.name)).toEqual(['王秀英', '刘长青'])
  })

  it('needs the photo of the sheet and at least one person before it is sent', () => {
    expect(sheetProblem(null, [1])).toBe('请拍下签名表，等照片传完再登记')
    expect(sheetProblem(5, [])).toBe('请从花名册选出签了名的村民')
    expect(sheetProblem(5, [1])).toBeNull()
  })
})
