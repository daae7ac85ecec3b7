import { representativesComposition, type CompositionMember } from './meeting-members'

const list = (
  reps: number,
  womenReps: number,
  committee: number,
  womenCommittee = 0,
): CompositionMember[] => [
  ...Array.from({ length: reps }, (_, i) => ({ representative: true, female: i < womenReps })),
  ...Array.from({ length: committee }, (_, i) => ({ representative: false, female: i < womenCommittee })),
]

describe('the make-up of a representatives’ meeting (Art 25)', () => {
  it('passes 12 representatives, 4 of them women, with 3 committee members', () => {
    expect(representativesComposition(list(12, 5, 3))).toEqual({
      members: 15,
      representatives: 12,
      womenRepresentatives: 5,
      representativesNeeded: 12,
      womenNeeded: 5,
      representativesOk: true,
      womenOk: true,
      warnings: [],
    })
  })

  it('warns, with the numbers, when representatives are fewer than four fifths', () => {
    const c = representativesComposition(list(6, 3, 3))
    expect(c).toMatchObject({ members: 9, representativesNeeded: 8, representativesOk: false, womenOk: true })
    expect(c.warnings).toEqual([
      '村民代表应占村民代表会议组成人员的五分之四以上：现在组成人员 9 人，其中村民代表 6 人，至少要 8 人',
    ])
  })

  it('counts women among the representatives only, not women on the committee', () => {
    const c = representativesComposition(list(8, 2, 2, 2))
    expect(c).toMatchObject({ members: 10, womenRepresentatives: 2, womenNeeded: 4, womenOk: false })
    expect(c.warnings).toEqual([
      '妇女村民代表应占组成人员的三分之一以上：现在组成人员 10 人，其中妇女村民代表 2 人，至少要 4 人',
    ])
  })

  it('uses exact fractions at the edge: 8 of 10 are four fifths, 3 of 9 a third', () => {
    expect(representativesComposition(list(8, 4, 2)).representativesOk).toBe(true)
    expect(representativesComposition(list(7, 4, 2)).representativesOk).toBe(false)
    expect(representativesComposition(list(8, 3, 1)).womenOk).toBe(true)
    expect(representativesComposition(list(8, 2, 1)).womenOk).toBe(false)
  })
})
