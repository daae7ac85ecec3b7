import { AT_LEAST_ONE_THIRD } from './quorum'
import {
  DEFAULT_REVIEW_RATING_RULE,
  postEnds,
  rateFromCounts,
  reviewBallotSchema,
  type RatingCounts,
} from './cadre-review'

const counts = (competent: number, basic: number, incompetent: number): RatingCounts => ({
  competent,
  basic,
  incompetent,
})

describe('the rating of a reviewed person', () => {
  it('is 不称职 when more than half of the valid ballots say so', () => {
    const v = rateFromCounts(counts(2, 2, 5))
    expect(v.rating).toBe('incompetent')
    expect(v.valid).toBe(9)
    expect(v.reason).toContain('不称职票达到有效票的过半数（5 票）')
  })

  it('is not 不称职 at exactly half: "more than half" of 10 is 6', () => {
    expect(rateFromCounts(counts(3, 2, 5)).rating).toBe('basic')
    expect(rateFromCounts(counts(3, 1, 6)).rating).toBe('incompetent')
  })

  it('is 称职 when more than half say 称职', () => {
    expect(rateFromCounts(counts(4, 2, 1)).rating).toBe('competent')
  })

  it('is 基本称职 when neither 称职 nor 不称职 has more than half', () => {
    const v = rateFromCounts(counts(3, 2, 2))
    expect(v.rating).toBe('basic')
    expect(v.reason).toMatch(/：基本称职$/)
  })

  it('counts only the valid ballots: nobody rated is 基本称职, never 不称职', () => {
    expect(rateFromCounts(counts(0, 0, 0)).rating).toBe('basic')
  })

  it('follows a village that sets a lower threshold for 不称职, which it checks first', () => {
    const rule = { ...DEFAULT_REVIEW_RATING_RULE, incompetent: AT_LEAST_ONE_THIRD }
    expect(rateFromCounts(counts(6, 0, 3), rule).rating).toBe('incompetent')
    expect(rateFromCounts(counts(7, 0, 2), rule).rating).toBe('competent')
  })
})

describe('two 不称职 in a row end the post (Art 33)', () => {
  it('ends it when the review before was 不称职 too', () => {
    expect(postEnds('incompetent', [{ year: 2025, rating: 'incompetent' }], 2026)).toBe(true)
  })

  it('keeps it after one 不称职', () => {
    expect(postEnds('incompetent', [], 2026)).toBe(false)
    expect(postEnds('incompetent', [{ year: 2025, rating: 'basic' }], 2026)).toBe(false)
  })

  it('keeps it when an earlier 不称职 was followed by a better rating', () => {
    const past = [
      { year: 2024, rating: 'incompetent' as const },
      { year: 2025, rating: 'competent' as const },
    ]
    expect(postEnds('incompetent', past, 2026)).toBe(false)
  })

  it('counts reviews, not years: a year without a review does not break the row', () => {
    expect(postEnds('incompetent', [{ year: 2023, rating: 'incompetent' }], 2026)).toBe(true)
  })

  it('never ends a post for a rating other than 不称职', () => {
    expect(postEnds('basic', [{ year: 2025, rating: 'incompetent' }], 2026)).toBe(false)
  })

  it('ignores reviews of the same or a later year', () => {
    expect(postEnds('incompetent', [{ year: 2026, rating: 'incompetent' }], 2026)).toBe(false)
  })
})

describe('the ballot', () => {
  it('refuses a person rated twice on one ballot', () => {
    const r = reviewBallotSchema.safeParse({
      ratings: [
        { subjectId: 1, rating: 'competent' },
        { subjectId: 1, rating: 'incompetent' },
      ],
    })
    expect(r.success).toBe(false)
  })

  it('refuses a rating that is not one of the three', () => {
    expect(reviewBallotSchema.safeParse({ ratings: [{ subjectId: 1, rating: 'great' }] }).success).toBe(false)
  })
})
