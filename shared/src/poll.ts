import { z } from 'zod'
import { beijingDate, beijingDayEnd, isValidIsoDate, type IsoDate } from './notice'

/**
 * 问卷 / 意见征集: a light, non-binding poll the 两委 put to the residents of their village. It
 * decides nothing: a decision of the village goes through the 村民会议 or 村民代表会议.
 */

export const POLL_LIMITS = {
  title: 40,
  explanation: 500,
  question: 100,
  option: 40,
  minQuestions: 1,
  maxQuestions: 5,
  minOptions: 2,
  maxOptions: 8,
  /** how far ahead the end day may be */
  maxDays: 90,
} as const

/** Said on every poll page and on the creation form. */
export const POLL_NOT_BINDING =
  '这是意见征集，不作为表决，不产生决定。涉及村民利益的事项，要由村民会议或村民代表会议讨论决定。'

const chars = (s: string) => Array.from(s).length
const text = (what: string, max: number) =>
  z
    .string({ required_error: `请填写${what}` })
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(1, `请填写${what}`)
        .refine((s) => chars(s) <= max, `${what}最多 ${max} 个字`),
    )

export const pollQuestionSchema = z.object({
  text: text('问题', POLL_LIMITS.question),
  multiple: z.boolean().default(false),
  options: z
    .array(text('选项', POLL_LIMITS.option))
    .min(POLL_LIMITS.minOptions, `每个问题至少要有 ${POLL_LIMITS.minOptions} 个选项`)
    .max(POLL_LIMITS.maxOptions, `每个问题最多 ${POLL_LIMITS.maxOptions} 个选项`)
    .refine((o) => new Set(o).size === o.length, '同一个问题里有两个一样的选项'),
})

export const pollCreateSchema = z.object({
  title: text('标题', POLL_LIMITS.title),
  explanation: z
    .string()
    .default('')
    .transform((s) => s.trim())
    .refine((s) => chars(s) <= POLL_LIMITS.explanation, `说明最多 ${POLL_LIMITS.explanation} 个字`),
  questions: z
    .array(pollQuestionSchema)
    .min(POLL_LIMITS.minQuestions, '至少要有 1 个问题')
    .max(POLL_LIMITS.maxQuestions, `最多 ${POLL_LIMITS.maxQuestions} 个问题`),
  endsOn: z.string().refine(isValidIsoDate, '请选择截止日期'),
  resultsBeforeEnd: z.boolean().default(false),
})
export type PollCreateRequest = z.input<typeof pollCreateSchema>
export type PollCreate = z.infer<typeof pollCreateSchema>
export type PollQuestion = z.infer<typeof pollQuestionSchema>

/** One answer: for each question, in order, the indexes of the options chosen. */
export const pollAnswerSchema = z.object({
  choices: z
    .array(
      z
        .array(
          z
            .number()
            .int()
            .min(0)
            .max(POLL_LIMITS.maxOptions - 1),
        )
        .max(POLL_LIMITS.maxOptions),
    )
    .min(1)
    .max(POLL_LIMITS.maxQuestions),
})
export type PollAnswerRequest = z.infer<typeof pollAnswerSchema>

export type PollEndDayRefusal = 'POLL_END_IN_PAST' | 'POLL_END_TOO_FAR'

/** The end day is today or later (Beijing), and at most 90 days ahead. */
export function pollEndDayRule(endsOn: IsoDate, now: Date): PollEndDayRefusal | null {
  if (endsOn < beijingDate(now)) return 'POLL_END_IN_PAST'
  const last = beijingDate(new Date(now.getTime() + POLL_LIMITS.maxDays * 86_400_000))
  if (endsOn > last) return 'POLL_END_TOO_FAR'
  return null
}

/** An answer fits the poll: every question answered, one option for a single choice, no repeats. */
export function pollAnswerRule(
  questions: readonly Pick<PollQuestion, 'multiple' | 'options'>[],
  choices: readonly (readonly number[])[],
): 'POLL_ANSWER_INCOMPLETE' | 'POLL_ANSWER_INVALID' | null {
  if (choices.length !== questions.length) return 'POLL_ANSWER_INVALID'
  for (const [i, q] of questions.entries()) {
    const picked = choices[i]!
    if (picked.length === 0) return 'POLL_ANSWER_INCOMPLETE'
    if (!q.multiple && picked.length > 1) return 'POLL_ANSWER_INVALID'
    if (new Set(picked).size !== picked.length) return 'POLL_ANSWER_INVALID'
    if (picked.some((o) => o >= q.options.length)) return 'POLL_ANSWER_INVALID'
  }
  return null
}

export type PollState = 'open' | 'ended' | 'closed'

/** Open until the end of its end day (Beijing) unless the committee closed it earlier. */
export function pollState(p: { endsOn: IsoDate; closedAt: string | Date | null }, now: Date): PollState {
  if (p.closedAt !== null) return 'closed'
  return now.getTime() >= beijingDayEnd(p.endsOn).getTime() ? 'ended' : 'open'
}

/** Residents see the counts once the poll is over, or before if the committee chose so. */
export const pollResultsVisible = (
  state: PollState,
  resultsBeforeEnd: boolean,
  committee: boolean,
): boolean => committee || state !== 'open' || resultsBeforeEnd

export const POLL_STATE_LABELS: Record<PollState, string> = {
  open: '征集中',
  ended: '已截止',
  closed: '已提前结束',
}

export interface PollSummary {
  id: number
  title: string
  endsOn: IsoDate
  state: PollState
  respondents: number
  answeredByMe: boolean
}

export interface PollOptionCount {
  text: string
  /** null when the results are not shown yet */
  count: number | null
}

export interface PollView extends PollSummary {
  explanation: string
  resultsBeforeEnd: boolean
  resultsVisible: boolean
  createdByName: string
  createdAt: string
  closedAt: string | null
  questions: { text: string; multiple: boolean; options: PollOptionCount[] }[]
  mayAnswer: boolean
  mayClose: boolean
}
