import { ERRORS } from './errors'
import {
  AT_LEAST_TWO_THIRDS,
  atLeastFraction,
  combineVotes,
  JOINT_COMMITTEES_RULE,
  MAX_HEADCOUNT,
  meetingOutcome,
  MORE_THAN_HALF,
  moreThanFraction,
  moreThanHalf,
  PARTY_MEMBERS_MEETING_RULE,
  passes,
  quorumMet,
  reachesThreshold,
  REPRESENTATIVES_MEETING_RULE,
  RESIDENTS_MEETING_RULE,
  thresholdLabel,
  validateAttendance,
  validateTally,
  VILLAGER_GROUP_MEETING_RULE,
  VILLAGERS_MEETING_RULE,
  type Attendance,
  type MeetingRule,
  type Votes,
} from './quorum'
import { DEFAULT_PETITION_RULES, petitionForcesMeeting } from './petition-threshold'

const votes = (yes: number, no = 0, abstain = 0): Votes => ({ yes, no, abstain })
const people = (due: number, present: number, households?: [number, number]): Attendance =>
  households
    ? { due, present, households: { total: households[0], represented: households[1] } }
    : { due, present }

function outcomeOf(rule: MeetingRule, a: Attendance, v: Votes) {
  const r = meetingOutcome(rule, a, v)
  if (!r.ok) throw new Error(`expected a result, got ${r.code}`)
  return r.value
}

describe('moreThanHalf', () => {
  it.each([
    [7, 4],
    [8, 5],
    [13, 7],
    [1, 1],
    [2, 2],
    [3, 2],
  ])('needs more than half of %i: %i', (n, k) => {
    expect(moreThanHalf(n)).toBe(k)
  })

  it('asks for one person of a body of nobody, so an empty body can never reach it', () => {
    expect(moreThanHalf(0)).toBe(1)
  })
})

describe('atLeastFraction and moreThanFraction', () => {
  it('needs 7 for at least two thirds of 10', () => expect(atLeastFraction(10, 2, 3)).toBe(7))
  it('needs 6 for at least two thirds of 9', () => expect(atLeastFraction(9, 2, 3)).toBe(6))
  it('needs 3 for at least a tenth of 30, and 4 of 31', () => {
    expect(atLeastFraction(30, 1, 10)).toBe(3)
    expect(atLeastFraction(31, 1, 10)).toBe(4)
  })
  it('needs 7 for at least a fifth of 31', () => expect(atLeastFraction(31, 1, 5)).toBe(7))
  it('needs nothing for a fraction of nobody, arithmetically', () => expect(atLeastFraction(0, 2, 3)).toBe(0))
  it('needs 5 for more than half of 8, like moreThanHalf', () => expect(moreThanFraction(8, 1, 2)).toBe(5))
  it('needs everyone for all of them', () => expect(atLeastFraction(12, 1, 1)).toBe(12))
  it('stays exact on the largest body it accepts', () => {
    expect(atLeastFraction(MAX_HEADCOUNT, 2, 3)).toBe(6_666_667)
    expect(moreThanHalf(MAX_HEADCOUNT)).toBe(5_000_001)
  })

  it.each([
    ['a negative body', () => moreThanHalf(-1)],
    ['a fractional body', () => moreThanHalf(7.5)],
    ['a body past the limit', () => moreThanHalf(MAX_HEADCOUNT + 1)],
    ['a zero denominator', () => atLeastFraction(10, 1, 0)],
    ['a zero numerator', () => atLeastFraction(10, 0, 3)],
    ['more than everyone', () => atLeastFraction(10, 4, 3)],
    ['more than all of them', () => moreThanFraction(10, 3, 3)],
  ])('throws on %s, a programming error rather than a villager’s', (_, call) => {
    expect(call).toThrow(RangeError)
  })
})

describe('thresholdLabel', () => {
  it('speaks the words of the law', () => {
    expect(thresholdLabel(MORE_THAN_HALF)).toBe('过半数')
    expect(thresholdLabel(AT_LEAST_TWO_THIRDS)).toBe('三分之二以上')
    expect(thresholdLabel({ num: 1, den: 10, strict: false })).toBe('十分之一以上')
    expect(thresholdLabel({ num: 1, den: 2, strict: false })).toBe('半数以上')
    expect(thresholdLabel({ num: 4, den: 5, strict: true })).toBe('超过五分之四')
    expect(thresholdLabel({ num: 1, den: 1, strict: false })).toBe('全体')
    expect(thresholdLabel({ num: 3, den: 20, strict: false })).toBe('20分之三以上')
  })
})

describe('reachesThreshold', () => {
  it('does not count exactly half as more than half: 4 of 8', () =>
    expect(reachesThreshold(4, 8, MORE_THAN_HALF)).toBe(false))
  it('counts 7 of 13 as more than half', () => expect(reachesThreshold(7, 13, MORE_THAN_HALF)).toBe(true))
  it('counts 6 of 13 as not more than half', () =>
    expect(reachesThreshold(6, 13, MORE_THAN_HALF)).toBe(false))
  it('counts 7 of 10 as two thirds, and 6 of 10 as not', () => {
    expect(reachesThreshold(7, 10, AT_LEAST_TWO_THIRDS)).toBe(true)
    expect(reachesThreshold(6, 10, AT_LEAST_TWO_THIRDS)).toBe(false)
  })
  it('never counts nobody as reaching anything, not even two thirds of nobody', () => {
    expect(reachesThreshold(0, 0, AT_LEAST_TWO_THIRDS)).toBe(false)
    expect(reachesThreshold(0, 0, MORE_THAN_HALF)).toBe(false)
  })
})

describe("the villagers' meeting (Art 22)", () => {
  // 100 villagers aged 18+ in 40 households: over half is 51 persons, two thirds is 27 households
  it('is quorate by households even when persons are short', () => {
    const q = quorumMet(VILLAGERS_MEETING_RULE.quorum, people(100, 45, [40, 27]))
    expect(q).toMatchObject({ met: true, by: 'households' })
    expect(q.criteria.map((c) => [c.count, c.needed, c.met])).toEqual([
      ['persons', 51, false],
      ['households', 27, true],
    ])
  })

  it('is quorate by persons even when households are short', () => {
    expect(quorumMet(VILLAGERS_MEETING_RULE.quorum, people(100, 51, [40, 20]))).toMatchObject({
      met: true,
      by: 'persons',
    })
  })

  it('is not quorate with exactly half the persons and one household short of two thirds', () => {
    expect(quorumMet(VILLAGERS_MEETING_RULE.quorum, people(100, 50, [40, 26]))).toMatchObject({
      met: false,
      by: null,
    })
  })

  it('is not quorate by households when no one counted them', () => {
    expect(quorumMet(VILLAGERS_MEETING_RULE.quorum, people(100, 50)).met).toBe(false)
  })

  it('passes with more than half of those present, and fails on exactly half', () => {
    expect(outcomeOf(VILLAGERS_MEETING_RULE, people(100, 60, [40, 30]), votes(31, 29)).outcome).toBe('passed')
    expect(outcomeOf(VILLAGERS_MEETING_RULE, people(100, 60, [40, 30]), votes(30, 30)).outcome).toBe('failed')
  })

  it('counts abstentions and silence against the motion, since the base is everyone present', () => {
    expect(outcomeOf(VILLAGERS_MEETING_RULE, people(100, 60, [40, 30]), votes(30, 0, 0)).outcome).toBe(
      'failed',
    )
  })

  it('says not quorate is a result, with the reason in words, not an error', () => {
    const r = meetingOutcome(VILLAGERS_MEETING_RULE, people(100, 45, [40, 20]), votes(45))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.outcome).toBe('not_quorate')
    expect(r.value.reason).toBe(
      '到会 45 人，不足应到 100 人的过半数（51 人）；有人到会的 20 户，不足全部 40 户的三分之二以上（27 户）：未达法定人数，不能表决',
    )
  })

  it('explains a pass in words', () => {
    expect(outcomeOf(VILLAGERS_MEETING_RULE, people(100, 51, [40, 20]), votes(26, 20, 5)).reason).toBe(
      '到会 51 人，达到应到 100 人的过半数（51 人）；同意 26 票，达到到会人数 51 人的过半数（26 票）：通过',
    )
  })
})

describe("the representatives' meeting (Art 26)", () => {
  it('needs two thirds of its 20 members: 13 is not enough, 14 is', () => {
    expect(quorumMet(REPRESENTATIVES_MEETING_RULE.quorum, people(20, 13)).met).toBe(false)
    expect(quorumMet(REPRESENTATIVES_MEETING_RULE.quorum, people(20, 14)).met).toBe(true)
  })

  it('decides by more than half of those present: 8 of 14 passes, 7 of 14 fails', () => {
    expect(outcomeOf(REPRESENTATIVES_MEETING_RULE, people(20, 14), votes(8, 6)).outcome).toBe('passed')
    expect(outcomeOf(REPRESENTATIVES_MEETING_RULE, people(20, 14), votes(7, 7)).outcome).toBe('failed')
  })

  it('never counts households', () => {
    expect(quorumMet(REPRESENTATIVES_MEETING_RULE.quorum, people(20, 10, [20, 20])).met).toBe(false)
  })
})

describe("the party members' meeting (审议)", () => {
  it('needs two thirds of the 30 members due: 20 attend', () => {
    expect(quorumMet(PARTY_MEMBERS_MEETING_RULE.quorum, people(30, 19)).met).toBe(false)
    expect(quorumMet(PARTY_MEMBERS_MEETING_RULE.quorum, people(30, 20)).met).toBe(true)
  })

  it('needs more than half of those due, not of those present: 15 of 30 due fails though 20 came', () => {
    expect(outcomeOf(PARTY_MEMBERS_MEETING_RULE, people(30, 20), votes(15, 5)).outcome).toBe('failed')
    expect(outcomeOf(PARTY_MEMBERS_MEETING_RULE, people(30, 20), votes(16, 4)).outcome).toBe('passed')
  })

  it('says which base it counted against', () => {
    expect(passes(PARTY_MEMBERS_MEETING_RULE.pass, people(30, 20), votes(15))).toMatchObject({
      passed: false,
      needed: 16,
      of: 'due',
      base: 30,
    })
  })
})

describe('the joint meeting of the two committees (商议)', () => {
  it('meets with a majority of its 7 members and decides by a majority of those present', () => {
    expect(quorumMet(JOINT_COMMITTEES_RULE.quorum, people(7, 3)).met).toBe(false)
    expect(outcomeOf(JOINT_COMMITTEES_RULE, people(7, 4), votes(3, 1)).outcome).toBe('passed')
    expect(outcomeOf(JOINT_COMMITTEES_RULE, people(7, 4), votes(2, 2)).outcome).toBe('failed')
  })
})

describe("the residents' meeting (城市居民委员会组织法 Art 9)", () => {
  it('needs more than half of those entitled and decides by more than half of those present', () => {
    expect(outcomeOf(RESIDENTS_MEETING_RULE, people(300, 150), votes(150)).outcome).toBe('not_quorate')
    expect(outcomeOf(RESIDENTS_MEETING_RULE, people(300, 151), votes(76, 75)).outcome).toBe('passed')
    expect(outcomeOf(RESIDENTS_MEETING_RULE, people(300, 151), votes(75, 76)).outcome).toBe('failed')
  })
})

describe('the villager-group meeting (Art 28)', () => {
  it('meets with two thirds of the adults or of the households', () => {
    expect(quorumMet(VILLAGER_GROUP_MEETING_RULE.quorum, people(30, 20, [12, 5]))).toMatchObject({
      met: true,
      by: 'persons',
    })
    expect(quorumMet(VILLAGER_GROUP_MEETING_RULE.quorum, people(30, 12, [12, 8]))).toMatchObject({
      met: true,
      by: 'households',
    })
    expect(quorumMet(VILLAGER_GROUP_MEETING_RULE.quorum, people(30, 19, [12, 7])).met).toBe(false)
  })
})

describe('an empty body', () => {
  it.each([
    ['villagers', VILLAGERS_MEETING_RULE],
    ['representatives', REPRESENTATIVES_MEETING_RULE],
    ['party members', PARTY_MEMBERS_MEETING_RULE],
  ] as const)('of %s is never quorate', (_, rule) => {
    expect(outcomeOf(rule, people(0, 0, [0, 0]), votes(0)).outcome).toBe('not_quorate')
  })
})

describe('tally validation', () => {
  it('accepts yes + no + abstain up to those present, up to those due', () => {
    expect(validateTally(people(20, 14), votes(8, 4, 2)).ok).toBe(true)
  })

  it('refuses more votes than people present', () => {
    expect(validateTally(people(20, 14), votes(8, 5, 2))).toMatchObject({
      ok: false,
      code: 'DELIBERATION_VOTES_EXCEED_PRESENT',
    })
  })

  it('refuses more people present than due', () => {
    expect(validateAttendance(people(20, 21))).toMatchObject({
      ok: false,
      code: 'DELIBERATION_PRESENT_EXCEEDS_DUE',
    })
  })

  it('refuses more households represented than there are, or than people present', () => {
    expect(validateAttendance(people(100, 60, [40, 41]))).toMatchObject({
      code: 'DELIBERATION_HOUSEHOLDS_INVALID',
    })
    expect(validateAttendance(people(100, 10, [40, 11]))).toMatchObject({
      code: 'DELIBERATION_HOUSEHOLDS_INVALID',
    })
  })

  it.each([
    ['a negative count', people(20, -1)],
    ['a fractional count', people(20, 10.5)],
    ['a count that is not a number', people(20, Number.NaN)],
  ])('refuses %s', (_, a) => {
    expect(validateAttendance(a)).toMatchObject({ ok: false, code: 'DELIBERATION_TALLY_INVALID' })
  })

  it('refuses a negative vote', () => {
    expect(validateTally(people(20, 14), votes(-1, 3))).toMatchObject({ code: 'DELIBERATION_TALLY_INVALID' })
  })

  it('refuses to decide on an invalid tally instead of guessing', () => {
    expect(meetingOutcome(VILLAGERS_MEETING_RULE, people(10, 6), votes(7))).toMatchObject({
      ok: false,
      code: 'DELIBERATION_VOTES_EXCEED_PRESENT',
    })
  })
})

describe('a hybrid count (online ballots plus the clerk’s count of hands or paper)', () => {
  it('adds the parts', () => {
    expect(combineVotes([votes(10, 2, 1), votes(20, 5, 0)], 40)).toEqual({ ok: true, value: votes(30, 7, 1) })
  })

  it('can never exceed those present', () => {
    expect(combineVotes([votes(10, 2, 1), votes(20, 5, 3)], 40)).toMatchObject({
      ok: false,
      code: 'DELIBERATION_VOTES_EXCEED_PRESENT',
    })
  })

  it('refuses a part with a negative count', () => {
    expect(combineVotes([votes(10), votes(-2)], 40)).toMatchObject({
      ok: false,
      code: 'DELIBERATION_TALLY_INVALID',
    })
  })

  it('accepts no parts as no votes', () => {
    expect(combineVotes([], 0)).toEqual({ ok: true, value: votes(0) })
  })
})

describe('petitions to convene a meeting', () => {
  const forced = (
    rule: (typeof DEFAULT_PETITION_RULES)[keyof typeof DEFAULT_PETITION_RULES],
    counts: object,
  ) => {
    const r = petitionForcesMeeting(rule, counts)
    if (!r.ok) throw new Error(r.code)
    return r.value
  }

  it("forces a villagers' meeting at a tenth of 300 villagers, not one short", () => {
    expect(
      forced(DEFAULT_PETITION_RULES.villagers_meeting, { villagers: { signed: 30, total: 300 } }),
    ).toMatchObject({
      forced: true,
      by: 'villagers',
    })
    expect(
      forced(DEFAULT_PETITION_RULES.villagers_meeting, { villagers: { signed: 29, total: 300 } }).forced,
    ).toBe(false)
  })

  it("forces a villagers' meeting at a third of 30 representatives", () => {
    expect(
      forced(DEFAULT_PETITION_RULES.villagers_meeting, {
        villagers: { signed: 10, total: 300 },
        representatives: { signed: 10, total: 30 },
      }),
    ).toMatchObject({ forced: true, by: 'representatives' })
  })

  it("forces a representatives' meeting at a fifth of 31 representatives: 7, not 6", () => {
    const rule = DEFAULT_PETITION_RULES.representatives_meeting
    expect(forced(rule, { representatives: { signed: 7, total: 31 } }).forced).toBe(true)
    expect(forced(rule, { representatives: { signed: 6, total: 31 } }).forced).toBe(false)
  })

  it("forces a residents' meeting by a fifth of residents, a fifth of households or a third of groups", () => {
    const rule = DEFAULT_PETITION_RULES.residents_meeting
    expect(forced(rule, { residents: { signed: 200, total: 1000 } }).by).toBe('residents')
    expect(
      forced(rule, { residents: { signed: 100, total: 1000 }, households: { signed: 80, total: 400 } }).by,
    ).toBe('households')
    expect(forced(rule, { resident_groups: { signed: 3, total: 9 } }).by).toBe('resident_groups')
    expect(forced(rule, { resident_groups: { signed: 2, total: 9 } }).forced).toBe(false)
  })

  it('never forces a meeting with no signature, even of an empty base', () => {
    expect(
      forced(DEFAULT_PETITION_RULES.villagers_meeting, { villagers: { signed: 0, total: 0 } }).forced,
    ).toBe(false)
    expect(forced(DEFAULT_PETITION_RULES.villagers_meeting, {}).forced).toBe(false)
  })

  it('refuses more signatures than people', () => {
    expect(
      petitionForcesMeeting(DEFAULT_PETITION_RULES.representatives_meeting, {
        representatives: { signed: 31, total: 30 },
      }),
    ).toMatchObject({ ok: false, code: 'DELIBERATION_PETITION_COUNTS_INVALID' })
  })
})

describe('the refusal codes', () => {
  it('each have a message a villager can read', () => {
    for (const code of [
      'DELIBERATION_TALLY_INVALID',
      'DELIBERATION_PRESENT_EXCEEDS_DUE',
      'DELIBERATION_VOTES_EXCEED_PRESENT',
      'DELIBERATION_HOUSEHOLDS_INVALID',
      'DELIBERATION_PETITION_COUNTS_INVALID',
    ] as const)
      expect(ERRORS[code].message).toMatch(/[\u4e00-\u9fff]/)
  })
})
