import { pollResultsVisible, type PollState, type PollSummary, type PollView } from '@xiangli/shared'
import type { Poll } from './entities/poll.entity'

export const presentPollSummary = (
  p: Poll,
  c: { state: PollState; respondents: number; answeredByMe: boolean },
): PollSummary => ({
  id: p.id,
  title: p.title,
  endsOn: p.endsOn,
  state: c.state,
  respondents: c.respondents,
  answeredByMe: c.answeredByMe,
})

/** A poll with its counts when they may be shown: numbers per option only, never who chose what. */
export function presentPoll(
  p: Poll,
  c: {
    state: PollState
    respondents: number
    answeredByMe: boolean
    committee: boolean
    resident: boolean
    counts: Map<string, number>
  },
): PollView {
  const visible = pollResultsVisible(c.state, p.resultsBeforeEnd, c.committee)
  return {
    ...presentPollSummary(p, c),
    explanation: p.explanation,
    resultsBeforeEnd: p.resultsBeforeEnd,
    resultsVisible: visible,
    createdByName: p.createdByName,
    createdAt: p.createdAt.toISOString(),
    closedAt: p.closedAt ? p.closedAt.toISOString() : null,
    questions: p.questions.map((q, qi) => ({
      text: q.text,
      multiple: q.multiple,
      options: q.options.map((text, oi) => ({
        text,
        count: visible ? (c.counts.get(`${qi}:${oi}`) ?? 0) : null,
      })),
    })),
    mayAnswer: c.resident && c.state === 'open' && !c.answeredByMe,
    mayClose: c.committee && c.state === 'open',
  }
}
