import { NEGATIVE_LIST, NEGATIVE_LIST_CODES, negativeItemTitle, negativeListAnswer } from './negative-list'

/** The 20 items exactly as 民发〔2020〕20号 lists them (DOMAIN.md). */
const THE_TWENTY = [
  '亲属关系',
  '居民身份信息（户籍）',
  '户口登记项目内容变更申请',
  '居民养犬',
  '无犯罪记录',
  '社区戒毒社区康复人员情况',
  '人员失踪',
  '婚姻状况',
  '出生',
  '健在',
  '死亡',
  '疾病状况',
  '残疾状况',
  '婚育状况',
  '居民就业状况',
  '居民个人档案',
  '居民财产（收入、房屋、车辆）',
  '遗产继承权',
  '市场主体住所',
  '证件遗失',
]

describe('the national negative list', () => {
  it('has exactly the 20 items of 民发〔2020〕20号, in its order', () => {
    expect(NEGATIVE_LIST.map((i) => i.name)).toEqual(THE_TWENTY)
  })

  it('gives every item a distinct stable code', () => {
    expect(new Set(NEGATIVE_LIST_CODES).size).toBe(20)
    for (const code of NEGATIVE_LIST_CODES) expect(code).toMatch(/^[a-z][a-z_]+$/)
  })

  it.each(NEGATIVE_LIST.map((i) => [i.name, i] as const))(
    'tells a resident asking for %s where to go instead',
    (_, item) => {
      expect(item.guidance.answer.trim().length).toBeGreaterThan(15)
      expect(item.guidance.answer).toMatch(/[\u4e00-\u9fff]/)
      expect(item.guidance.offices.length).toBeGreaterThan(0)
      for (const office of item.guidance.offices) expect(office.trim()).not.toBe('')
      if (item.guidance.commitment !== null) expect(item.guidance.commitment).toMatch(/承诺/)
    },
  )

  it.each(NEGATIVE_LIST.map((i) => [i.name, i] as const))(
    'lists the aliases people type for %s',
    (_, item) => {
      expect(item.aliases.length).toBeGreaterThanOrEqual(3)
      expect(new Set(item.aliases).size).toBe(item.aliases.length)
    },
  )

  it('never sends a resident back to the village committee', () => {
    for (const item of NEGATIVE_LIST) {
      expect(item.guidance.offices.join('')).not.toMatch(/村委|居委|村（居）委/)
      expect(item.guidance.answer).not.toMatch(/找村委|到村委|找居委|到居委/)
    }
  })

  it('lets a written commitment stand in where the item allows it, as for marital status', () => {
    const marital = NEGATIVE_LIST.find((i) => i.code === 'marital_status')!
    expect(marital.guidance.commitment).toContain('承诺')
    expect(NEGATIVE_LIST.find((i) => i.code === 'no_criminal_record')!.guidance.commitment).toBeNull()
  })

  it('answers with the refusal, the source and the guidance in one text', () => {
    const kinship = NEGATIVE_LIST.find((i) => i.code === 'kinship')!
    const answer = negativeListAnswer(kinship)
    expect(answer).toContain('村（居）委会不开具“亲属关系证明”')
    expect(answer).toContain('民发〔2020〕20号')
    expect(answer).toContain(kinship.guidance.answer)
    expect(answer).toContain(kinship.guidance.commitment!)
  })

  it('leaves out the commitment sentence where none applies', () => {
    const death = NEGATIVE_LIST.find((i) => i.code === 'death')!
    expect(negativeListAnswer(death).endsWith(death.guidance.answer)).toBe(true)
  })

  it('titles an item the way people say it', () => {
    expect(negativeItemTitle({ name: '居民身份信息（户籍）' })).toBe('居民身份信息（户籍）证明')
  })
})
