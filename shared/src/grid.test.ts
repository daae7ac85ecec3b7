import {
  MAX_COLLECTED_RESIDENTS,
  collectedLabel,
  grievanceCollectSchema,
  gridHouseholdsSchema,
  gridNameSchema,
  gridReleaseSchema,
  namesHouseholds,
  normalizeGridName,
} from './grid'
import { FRONTLINE_ROLES, GRIEVANCE_ASSIGNEE_ROLES, COMMITTEE_ROLES, ANY_VILLAGE_ROLE } from './roles'

const issue = { category: '环境卫生', title: '垃圾没人清', text: '路口的垃圾堆了三天' }

describe('grid names', () => {
  it('trims a name and makes inner runs of spaces one', () => {
    expect(normalizeGridName('  第一  网格 ')).toBe('第一 网格')
    expect(gridNameSchema.parse({ name: ' 东片 ' })).toEqual({ name: '东片' })
  })

  it('refuses a blank name and one over 20 characters', () => {
    expect(gridNameSchema.safeParse({ name: '   ' }).success).toBe(false)
    expect(gridNameSchema.safeParse({ name: '网'.repeat(21) }).success).toBe(false)
    expect(gridNameSchema.safeParse({ name: '网'.repeat(20) }).success).toBe(true)
  })
})

describe('putting households into a grid', () => {
  it('takes households, whole groups, or both, and needs at least one of them', () => {
    expect(namesHouseholds(gridHouseholdsSchema.parse({ householdIds: [3] }))).toBe(true)
    expect(namesHouseholds(gridHouseholdsSchema.parse({ groupIds: [7] }))).toBe(true)
    expect(namesHouseholds(gridHouseholdsSchema.parse({}))).toBe(false)
  })

  it('refuses the same household twice in one request', () => {
    const r = gridHouseholdsSchema.safeParse({ householdIds: [3, 3] })
    expect(r.success).toBe(false)
  })

  it('needs at least one household to take out of a grid', () => {
    expect(gridReleaseSchema.safeParse({ householdIds: [] }).success).toBe(false)
    expect(gridReleaseSchema.safeParse({ householdIds: [1, 2] }).success).toBe(true)
  })
})

describe('民情收集', () => {
  it('names between one and ten residents, each once', () => {
    expect(grievanceCollectSchema.safeParse({ ...issue, residentIds: [] }).success).toBe(false)
    expect(grievanceCollectSchema.safeParse({ ...issue, residentIds: [4, 4] }).success).toBe(false)
    const many = Array.from({ length: MAX_COLLECTED_RESIDENTS + 1 }, (_, i) => i + 1)
    expect(grievanceCollectSchema.safeParse({ ...issue, residentIds: many }).success).toBe(false)
    expect(grievanceCollectSchema.parse({ ...issue, residentIds: [4, 5] }).residentIds).toEqual([4, 5])
  })

  it('says who collected it', () => {
    expect(collectedLabel('孙网')).toBe('网格员 孙网 收集')
  })
})

describe('the first line', () => {
  it('may be handed issues alongside the 两委, and belongs to the village', () => {
    for (const r of [...COMMITTEE_ROLES, ...FRONTLINE_ROLES]) expect(GRIEVANCE_ASSIGNEE_ROLES).toContain(r)
    for (const r of FRONTLINE_ROLES) expect(ANY_VILLAGE_ROLE).toContain(r)
    expect(GRIEVANCE_ASSIGNEE_ROLES).not.toContain('supervisor')
  })
})
