import {
  beijingDate,
  pollCreateSchema,
  POLL_LIMITS,
  POLL_STATE_LABELS,
  type PollCreateRequest,
  type PollState,
  type PollView,
} from '@xiangli/shared'
import type { StateTone } from '@/components/StateTag'
import { ROUTES } from '@/routes'

/** 问卷: the residents' pages and the committee's. */
export const POLL_PAGES = {
  list: ROUTES.pollList,
  detail: ROUTES.pollDetail,
  committeeList: ROUTES.committeePolls,
  create: ROUTES.committeePollNew,
} as const

export const POLL_STATE_TONE: Record<PollState, StateTone> = {
  open: 'working',
  ended: 'done',
  closed: 'stopped',
}
export const pollStateLabel = (s: PollState): string => POLL_STATE_LABELS[s]

// ---------- the committee's form ----------

export interface PollFormQuestion {
  text: string
  multiple: boolean
  options: string[]
}

export interface PollForm {
  title: string
  explanation: string
  questions: PollFormQuestion[]
  endsOn: string
  resultsBeforeEnd: boolean
}

export const blankQuestion = (): PollFormQuestion => ({ text: '', multiple: false, options: ['', ''] })

/** A new poll: one question with two empty options, ending a week from today. */
export const blankPollForm = (now: Date): PollForm => ({
  title: '',
  explanation: '',
  questions: [blankQuestion()],
  endsOn: beijingDate(new Date(now.getTime() + 7 * 86_400_000)),
  resultsBeforeEnd: false,
})

/** The days the date picker offers: today to 90 days ahead. */
export const endDayRange = (now: Date): { start: string; end: string } => ({
  start: beijingDate(now),
  end: beijingDate(new Date(now.getTime() + POLL_LIMITS.maxDays * 86_400_000)),
})

export const canAddQuestion = (f: PollForm): boolean => f.questions.length < POLL_LIMITS.maxQuestions
export const canRemoveQuestion = (f: PollForm): boolean => f.questions.length > POLL_LIMITS.minQuestions
export const canAddOption = (q: PollFormQuestion): boolean => q.options.length < POLL_LIMITS.maxOptions
export const canRemoveOption = (q: PollFormQuestion): boolean => q.options.length > POLL_LIMITS.minOptions

const replaceAt = <T>(list: readonly T[], i: number, value: T): T[] =>
  list.map((x, j) => (j === i ? value : x))

export function editQuestion(f: PollForm, qi: number, change: Partial<PollFormQuestion>): PollForm {
  return { ...f, questions: replaceAt(f.questions, qi, { ...f.questions[qi]!, ...change }) }
}
export const addQuestion = (f: PollForm): PollForm =>
  canAddQuestion(f) ? { ...f, questions: [...f.questions, blankQuestion()] } : f
export const removeQuestion = (f: PollForm, qi: number): PollForm =>
  canRemoveQuestion(f) ? { ...f, questions: f.questions.filter((_, j) => j !== qi) } : f
export function addOption(f: PollForm, qi: number): PollForm {
  const q = f.questions[qi]!
  return canAddOption(q) ? editQuestion(f, qi, { options: [...q.options, ''] }) : f
}
export function removeOption(f: PollForm, qi: number, oi: number): PollForm {
  const q = f.questions[qi]!
  return canRemoveOption(q) ? editQuestion(f, qi, { options: q.options.filter((_, j) => j !== oi) }) : f
}
export const editOption = (f: PollForm, qi: number, oi: number, text: string): PollForm =>
  editQuestion(f, qi, { options: replaceAt(f.questions[qi]!.options, oi, text) })

/** What to fix, by field: 'title', 'explanation', 'endsOn', 'q0' (a question and its options). */
export type PollFormErrors = Partial<Record<string, string>>

export function checkPollForm(
  f: PollForm,
): { ok: true; value: PollCreateRequest } | { ok: false; errors: PollFormErrors } {
  const parsed = pollCreateSchema.safeParse(f)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors: PollFormErrors = {}
  for (const issue of parsed.error.issues) {
    const [field, qi] = issue.path
    const key = field === 'questions' && typeof qi === 'number' ? `q${qi}` : String(field)
    errors[key] ??= issue.message
  }
  return { ok: false, errors }
}

// ---------- a resident's answer ----------

/** Picks an option: the only one of a single-choice question, one more (or one less) of a multiple one. */
export function toggleChoice(
  choices: readonly (readonly number[])[],
  qi: number,
  oi: number,
  multiple: boolean,
): number[][] {
  return choices.map((picked, j) => {
    if (j !== qi) return [...picked]
    if (!multiple) return [oi]
    return picked.includes(oi) ? picked.filter((o) => o !== oi) : [...picked, oi].sort((a, b) => a - b)
  })
}

export const noChoices = (p: Pick<PollView, 'questions'>): number[][] => p.questions.map(() => [])

/** The first question left unanswered (1-based, for "第 2 题还没选"), or null when all are. */
export function firstUnanswered(choices: readonly (readonly number[])[]): number | null {
  const i = choices.findIndex((c) => c.length === 0)
  return i === -1 ? null : i + 1
}

/** An option's share of the respondents, as a whole percent, for the results bar. */
export const sharePercent = (count: number | null, respondents: number): number =>
  count === null || respondents === 0 ? 0 : Math.round((count / respondents) * 100)
