/**
 * The integer rules against a reference written the other way round: exact rational comparison by
 * BigInt cross-multiplication. "count is more than num/den of n" ⇔ count × den > n × num.
 */
import fc from 'fast-check'
import {
  combineVotes,
  countNeeded,
  MAX_DENOMINATOR,
  MAX_HEADCOUNT,
  meetingOutcome,
  MORE_THAN_HALF,
  moreThanHalf,
  PARTY_MEMBERS_MEETING_RULE,
  passes,
  quorumMet,
  reachesThreshold,
  REPRESENTATIVES_MEETING_RULE,
  thresholdCount,
  validateTally,
  VILLAGER_GROUP_MEETING_RULE,
  VILLAGERS_MEETING_RULE,
  type Attendance,
  type MeetingRule,
  type Threshold,
  type Votes,
} from './quorum'
import { DEFAULT_PETITION_RULES, petitionForcesMeeting } from './petition-threshold'

/** The fraction alone, as the law states it, with nothing rounded. */
function fractionMet(count: number, n: number, t: Threshold): boolean {
  const lhs = BigInt(count) * BigInt(t.den)
  const rhs = BigInt(n) * BigInt(t.num)
  return t.strict ? lhs > rhs : lhs >= rhs
}
/** What a body must reach: the fraction, and at least one person. */
const refMeets = (count: number, n: number, t: Threshold): boolean => count >= 1 && fractionMet(count, n, t)

const headcount = fc.integer({ min: 0, max: MAX_HEADCOUNT })
const smallHeadcount = fc.integer({ min: 0, max: 2000 })
const threshold: fc.Arbitrary<Threshold> = fc
  .record({ den: fc.integer({ min: 1, max: MAX_DENOMINATOR }), strict: fc.boolean(), pick: fc.nat() })
  .map(({ den, strict, pick }) => {
    const top = strict ? den - 1 : den
    return top < 1 ? { num: 1, den, strict: false } : { num: 1 + (pick % top), den, strict }
  })

/** A count from 0 to n, biased to the edges where rounding goes wrong. */
const countOf = (n: number) =>
  fc.oneof(fc.integer({ min: 0, max: n }), fc.constantFrom(0, n, n >> 1, Math.min(n, (n >> 1) + 1)))

/** An attendance that is internally valid, with households for the bodies that count them. */
const attendance: fc.Arbitrary<Attendance> = smallHeadcount.chain((due) =>
  countOf(due).chain((present) =>
    fc
      .integer({ min: 0, max: 800 })
      .chain((total) =>
        fc
          .integer({ min: 0, max: Math.min(total, present) })
          .map((represented) => ({ due, present, households: { total, represented } })),
      ),
  ),
)

/** Votes that fit in those present. */
const votesWithin = (present: number): fc.Arbitrary<Votes> =>
  countOf(present).chain((yes) =>
    fc
      .integer({ min: 0, max: present - yes })
      .chain((no) =>
        fc.integer({ min: 0, max: present - yes - no }).map((abstain) => ({ yes, no, abstain })),
      ),
  )

const rules: [string, MeetingRule][] = [
  ["villagers' meeting", VILLAGERS_MEETING_RULE],
  ["representatives' meeting", REPRESENTATIVES_MEETING_RULE],
  ["party members' meeting", PARTY_MEMBERS_MEETING_RULE],
  ['villager-group meeting', VILLAGER_GROUP_MEETING_RULE],
]

describe('threshold arithmetic, against exact rationals', () => {
  it('finds the smallest count that meets the fraction, for any body and fraction', () => {
    fc.assert(
      fc.property(headcount, threshold, (n, t) => {
        const k = thresholdCount(n, t)
        expect(fractionMet(k, n, t)).toBe(true)
        if (k > 0) expect(fractionMet(k - 1, n, t)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('agrees with the reference on whether any count reaches it', () => {
    fc.assert(
      fc.property(
        smallHeadcount.chain((n) => fc.tuple(fc.constant(n), countOf(n + 2))),
        threshold,
        ([n, count], t) => {
          expect(reachesThreshold(count, n, t)).toBe(refMeets(count, n, t))
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('makes more than half the smallest count whose double exceeds the body', () => {
    fc.assert(
      fc.property(headcount, (n) => {
        const k = moreThanHalf(n)
        expect(BigInt(k) * 2n > BigInt(n)).toBe(true)
        expect(BigInt(k - 1) * 2n > BigInt(n)).toBe(false)
        expect(k).toBe(thresholdCount(n, MORE_THAN_HALF))
      }),
    )
  })

  it('never asks for more than the whole body, except of an empty one', () => {
    fc.assert(
      fc.property(headcount, threshold, (n, t) => {
        expect(countNeeded(n, t)).toBeLessThanOrEqual(Math.max(n, 1))
        expect(countNeeded(n, t)).toBeGreaterThanOrEqual(1)
      }),
    )
  })

  it('never asks for fewer as the body grows', () => {
    fc.assert(
      fc.property(headcount, threshold, (n, t) => {
        if (n < MAX_HEADCOUNT) expect(thresholdCount(n + 1, t)).toBeGreaterThanOrEqual(thresholdCount(n, t))
      }),
    )
  })
})

describe('quorum and pass, against the reference', () => {
  it.each(rules)('decides the quorum of a %s as the law reads', (_, rule) => {
    fc.assert(
      fc.property(attendance, (a) => {
        const byPersons = rule.quorum.persons !== null && refMeets(a.present, a.due, rule.quorum.persons)
        const h = a.households!
        const byHouseholds =
          rule.quorum.households !== null && refMeets(h.represented, h.total, rule.quorum.households)
        const q = quorumMet(rule.quorum, a)
        expect(q.met).toBe(byPersons || byHouseholds)
        expect(q.by).toBe(byPersons ? 'persons' : byHouseholds ? 'households' : null)
      }),
      { numRuns: 3000 },
    )
  })

  it.each(rules)('decides whether a %s passes a motion as the law reads', (_, rule) => {
    fc.assert(
      fc.property(
        attendance.chain((a) => fc.tuple(fc.constant(a), votesWithin(a.present))),
        ([a, v]) => {
          const base = rule.pass.of === 'present' ? a.present : a.due
          expect(passes(rule.pass, a, v).passed).toBe(refMeets(v.yes, base, rule.pass.threshold))
          const r = meetingOutcome(rule, a, v)
          expect(r.ok).toBe(true)
          if (!r.ok) return
          const quorate = quorumMet(rule.quorum, a).met
          expect(r.value.outcome).toBe(
            !quorate ? 'not_quorate' : refMeets(v.yes, base, rule.pass.threshold) ? 'passed' : 'failed',
          )
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('never loses the quorum when one more person arrives', () => {
    fc.assert(
      fc.property(attendance, (a) => {
        if (a.present >= a.due) return
        const before = quorumMet(VILLAGERS_MEETING_RULE.quorum, a).met
        const after = quorumMet(VILLAGERS_MEETING_RULE.quorum, { ...a, present: a.present + 1 }).met
        expect(!before || after).toBe(true)
      }),
    )
  })

  it('never turns a pass into a failure when a "no" becomes a "yes"', () => {
    fc.assert(
      fc.property(
        attendance.chain((a) => fc.tuple(fc.constant(a), votesWithin(a.present))),
        ([a, v]) => {
          if (v.no === 0) return
          const before = passes(VILLAGERS_MEETING_RULE.pass, a, v).passed
          const after = passes(VILLAGERS_MEETING_RULE.pass, a, { ...v, yes: v.yes + 1, no: v.no - 1 }).passed
          expect(!before || after).toBe(true)
        },
      ),
    )
  })
})

describe('tally validation, against the reference', () => {
  const anyCount = fc.integer({ min: 0, max: 500 })

  it('accepts exactly the tallies with yes + no + abstain ≤ present ≤ due', () => {
    fc.assert(
      fc.property(anyCount, anyCount, anyCount, anyCount, anyCount, (due, present, yes, no, abstain) => {
        const ok = yes + no + abstain <= present && present <= due
        expect(validateTally({ due, present }, { yes, no, abstain }).ok).toBe(ok)
      }),
      { numRuns: 3000 },
    )
  })

  it('accepts a hybrid count exactly when all its parts together fit in those present', () => {
    const part = fc.record({ yes: anyCount, no: anyCount, abstain: anyCount })
    fc.assert(
      fc.property(fc.array(part, { maxLength: 3 }), fc.integer({ min: 0, max: 3000 }), (parts, present) => {
        const sum = parts.reduce((s, p) => s + p.yes + p.no + p.abstain, 0)
        const r = combineVotes(parts, present)
        expect(r.ok).toBe(sum <= present)
        if (r.ok) expect(r.value.yes + r.value.no + r.value.abstain).toBe(sum)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('petitions, against the reference', () => {
  it("force a villagers' meeting exactly when a tenth of villagers or a third of representatives sign", () => {
    const signedOf = smallHeadcount.chain((total) => countOf(total).map((signed) => ({ signed, total })))
    fc.assert(
      fc.property(signedOf, signedOf, (villagers, representatives) => {
        const r = petitionForcesMeeting(DEFAULT_PETITION_RULES.villagers_meeting, {
          villagers,
          representatives,
        })
        expect(r.ok).toBe(true)
        if (!r.ok) return
        const expected =
          refMeets(villagers.signed, villagers.total, { num: 1, den: 10, strict: false }) ||
          refMeets(representatives.signed, representatives.total, { num: 1, den: 3, strict: false })
        expect(r.value.forced).toBe(expected)
      }),
      { numRuns: 3000 },
    )
  })
})
