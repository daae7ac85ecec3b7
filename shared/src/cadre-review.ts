import { z } from 'zod'
import { countNeeded, MORE_THAN_HALF, thresholdLabel, type Threshold } from './quorum'
import { thresholdSchema } from './quorum-schemas'
import type { MeetingBody } from './procedure'

/**
 * 民主评议 (村民委员会组织法 Art 33): at least once a year the village committee members, and the staff
 * the village pays lost-work subsidies (误工补贴), report on their work (述职) and are rated by the
 * villagers' meeting or the representatives' meeting, hosted by the supervision committee (监委会).
 * Each member of the meeting rates every reviewed person 称职 / 基本称职 / 不称职 on one secret ballot.
 */

export const REVIEW_RATINGS = ['competent', 'basic', 'incompetent'] as const
export type ReviewRating = (typeof REVIEW_RATINGS)[number]
export const REVIEW_RATING_LABELS: Record<ReviewRating, string> = {
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
}

/** The two bodies Art 33 names. */
export const REVIEW_BODIES = [
  'villagers_meeting',
  'representatives_meeting',
] as const satisfies readonly MeetingBody[]
export type ReviewBody = (typeof REVIEW_BODIES)[number]

/** The post a reviewed person holds: a committee post (a role), or paid staff (no role of the app). */
export const REVIEW_POSTS = ['committee_member', 'party_secretary', 'staff'] as const
export type ReviewPost = (typeof REVIEW_POSTS)[number]
export const REVIEW_POST_LABELS: Record<ReviewPost, string> = {
  committee_member: '村（居）委会成员',
  party_secretary: '党组织书记（兼任村委会职务）',
  staff: '享受误工补贴的工作人员',
}

export const REVIEW_STATUSES = ['reporting', 'meeting', 'published'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  reporting: '述职中',
  meeting: '评议会议已通知',
  published: '结果已公布',
}

/**
 * The rating rule. DOMAIN.md (Art 33) says who is reviewed, by whom and that 不称职 twice in a row ends
 * the post, but not how a person's rating follows from the ballots. The default follows the common
 * local rule (e.g. the 村干部民主评议办法 of many counties: "不称职票超过有效票半数的，评定为不称职"):
 * - 不称职 when the 不称职 ratings are more than half of the valid ballots rating that person;
 * - otherwise 称职 when the 称职 ratings are more than half of them;
 * - otherwise 基本称职.
 * The threshold is a setting, frozen on each review when it is opened.
 */
export interface ReviewRatingRule {
  incompetent: Threshold
  competent: Threshold
}
export const DEFAULT_REVIEW_RATING_RULE: ReviewRatingRule = {
  incompetent: MORE_THAN_HALF,
  competent: MORE_THAN_HALF,
}
export const reviewRatingRuleSchema = z.object({ incompetent: thresholdSchema, competent: thresholdSchema })

export type RatingCounts = Record<ReviewRating, number>

export interface PersonVerdict {
  rating: ReviewRating
  valid: number
  counts: RatingCounts
  /** e.g. 有效票 9 张，不称职 5 票，超过有效票的半数（5 票）：不称职 */
  reason: string
}

/** A person's rating from the counts of the ballots that rated them (a blank line is not a valid vote). */
export function rateFromCounts(
  counts: RatingCounts,
  rule: ReviewRatingRule = DEFAULT_REVIEW_RATING_RULE,
): PersonVerdict {
  const valid = counts.competent + counts.basic + counts.incompetent
  const needBad = countNeeded(valid, rule.incompetent)
  const needGood = countNeeded(valid, rule.competent)
  const head = `有效票 ${valid} 张，称职 ${counts.competent} 票，基本称职 ${counts.basic} 票，不称职 ${counts.incompetent} 票`
  if (valid > 0 && counts.incompetent >= needBad)
    return {
      rating: 'incompetent',
      valid,
      counts,
      reason: `${head}；不称职票达到有效票的${thresholdLabel(rule.incompetent)}（${needBad} 票）：不称职`,
    }
  if (valid > 0 && counts.competent >= needGood)
    return {
      rating: 'competent',
      valid,
      counts,
      reason: `${head}；称职票达到有效票的${thresholdLabel(rule.competent)}（${needGood} 票）：称职`,
    }
  return { rating: 'basic', valid, counts, reason: `${head}：基本称职` }
}

/** A person's result in one earlier review, as the two-in-a-row rule reads it. */
export interface PastRating {
  year: number
  rating: ReviewRating
}

/**
 * Art 33: "连续两次被评议不称职的，其职务终止". Two reviews in a row: this one and the person's latest
 * earlier valid review (a review whose meeting was not quorate has no result and does not count, and
 * a year with no review does not break the row, since the law counts reviews, not years).
 */
export function postEnds(current: ReviewRating, earlier: readonly PastRating[], year: number): boolean {
  if (current !== 'incompetent') return false
  const before = earlier.filter((p) => p.year < year).sort((x, y) => y.year - x.year)[0]
  return before?.rating === 'incompetent'
}

// ---------- requests ----------

export const MAX_WORK_REPORT = 5000

export const reviewOpenSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** the committee may change the rating threshold for this review; the default is the common rule */
  ratingRule: reviewRatingRuleSchema.optional(),
})
export type ReviewOpenRequest = z.infer<typeof reviewOpenSchema>

export const reviewSubjectSchema = z.object({
  residentId: z.number().int().positive(),
  post: z.enum(REVIEW_POSTS),
})
export type ReviewSubjectRequest = z.infer<typeof reviewSubjectSchema>

export const workReportSchema = z.object({
  text: z.string().trim().min(1, '请填写述职报告').max(MAX_WORK_REPORT, `述职报告最多 ${MAX_WORK_REPORT} 字`),
})
export type WorkReportRequest = z.infer<typeof workReportSchema>

export const reviewMeetingSchema = z.object({
  body: z.enum(REVIEW_BODIES),
  meetingAt: z.coerce.date(),
  location: z.string().trim().min(1, '请填写开会地点').max(100),
})
export type ReviewMeetingRequest = z.infer<typeof reviewMeetingSchema>

export const reviewBallotSchema = z.object({
  ratings: z
    .array(z.object({ subjectId: z.number().int().positive(), rating: z.enum(REVIEW_RATINGS) }))
    .min(1, '请至少评议一位')
    .max(200)
    .refine((l) => new Set(l.map((r) => r.subjectId)).size === l.length, '同一位被评议人评了两次'),
})
export type ReviewBallotRequest = z.infer<typeof reviewBallotSchema>

const tally = z.number().int('请填写整数').min(0, '不能是负数').max(100000)

/** 纸质签到: the host enters the paper sign-in sheet for members without the app. */
export const reviewPaperSignInSchema = z.object({
  memberIds: z.array(z.number().int().positive()).min(1, '请选择到会的人').max(10000),
})
export type ReviewPaperSignInRequest = z.infer<typeof reviewPaperSignInSchema>

/**
 * 结束投票: the paper ballots counted in public at the meeting (Art 15's 公开计票), added to those cast
 * in the app. A paper ballot that leaves someone blank is simply not valid for that person.
 */
export const reviewCloseSchema = z.object({
  paperBallots: tally.default(0),
  paper: z
    .array(
      z.object({
        subjectId: z.number().int().positive(),
        competent: tally,
        basic: tally,
        incompetent: tally,
      }),
    )
    .max(200)
    .default([]),
})
export type ReviewCloseRequest = z.infer<typeof reviewCloseSchema>

/** The rule as words for the results page. */
export const ratingRuleLabel = (r: ReviewRatingRule): string =>
  `不称职票达到有效票的${thresholdLabel(r.incompetent)}评为不称职；称职票达到有效票的${thresholdLabel(r.competent)}评为称职；其余为基本称职`
