import {
  defaultVillageSettings,
  isSelfGoverningUnit,
  isTownshipLevel,
  ORG_KINDS,
  ORG_PARENT_KINDS,
  villageSettingsSchema,
} from './org'

describe('defaultVillageSettings', () => {
  it.each(['village', 'community'] as const)('gives a %s settings that pass the schema', (kind) => {
    const settings = defaultVillageSettings(kind)
    expect(villageSettingsSchema.parse(settings)).toEqual(settings)
  })

  it('uses 四议两公开 in villages and 一征三议两公开 in communities', () => {
    expect(defaultVillageSettings('village').procedureVariant).toBe('siyi_liang_gongkai')
    expect(defaultVillageSettings('community').procedureVariant).toBe('yizheng_sanyi_liang_gongkai')
  })

  it('starts with a 7-day publicity period, 15 days to answer an objection and no automatic verification', () => {
    const s = defaultVillageSettings('village')
    expect(s.publicity).toEqual({ defaultDays: 7, objectionReplyDays: 15, supervisionReview: false })
    expect(s.verification.autoConfirmExactMatch).toBe(false)
  })

  it('returns a new object each time, so changing one village does not change another', () => {
    const a = defaultVillageSettings('village')
    a.verification.autoConfirmExactMatch = true
    expect(defaultVillageSettings('village').verification.autoConfirmExactMatch).toBe(false)
  })
})

describe('villageSettingsSchema', () => {
  it('refuses a publicity period of zero days', () => {
    const s = defaultVillageSettings('village')
    expect(
      villageSettingsSchema.safeParse({ ...s, publicity: { ...s.publicity, defaultDays: 0 } }).success,
    ).toBe(false)
  })

  it('refuses a setting that is missing', () => {
    const { verification: _omitted, ...rest } = defaultVillageSettings('village')
    expect(villageSettingsSchema.safeParse(rest).success).toBe(false)
  })
})

describe('the organisation tree', () => {
  it('names a parent kind for every kind but the county, and each parent kind exists', () => {
    for (const kind of ORG_KINDS) {
      for (const parent of ORG_PARENT_KINDS[kind]) expect(ORG_KINDS).toContain(parent)
      expect(ORG_PARENT_KINDS[kind].length > 0).toBe(kind !== 'county')
    }
  })

  it('treats villages and communities as self-governing and townships and streets as the level above', () => {
    expect(ORG_KINDS.filter(isSelfGoverningUnit)).toEqual(['village', 'community'])
    expect(ORG_KINDS.filter(isTownshipLevel)).toEqual(['township', 'street'])
  })
})
