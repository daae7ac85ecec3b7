import { ERRORS } from './errors'
import {
  pollAnswerRule,
  pollCreateSchema,
  pollEndDayRule,
  pollResultsVisible,
  pollState,
  POLL_LIMITS,
} from './poll'

const question = (n = 2, multiple = false) => ({
  text: '村里的文化广场晚上几点关灯合适？',
  multiple,
  options: Array.from({ length: n }, (_, i) => `选项${i + 1}`),
})
const valid = {
  title: '文化广场开放时间',
  explanation: '听听大家的想法',
  questions: [question()],
  endsOn: '2026-12-20',
}
const firstMessage = (input: unknown) => {
  const r = pollCreateSchema.safeParse(input)
  return r.success ? null : r.error.issues[0]!.message
}

describe('a poll as the committee writes it', () => {
  it('takes a title, questions of 2 to 8 options and an end day, trimmed, results hidden by default', () => {
    const r = pollCreateSchema.parse({ ...valid, title: '  文化广场  开放时间 ' })
    expect(r.title).toBe('文化广场 开放时间')
    expect(r.resultsBeforeEnd).toBe(false)
    expect(r.questions[0]!.multiple).toBe(false)
  })
  it('needs 1 to 5 questions', () => {
    expect(firstMessage({ ...valid, questions: [] })).toBe('至少要有 1 个问题')
    expect(firstMessage({ ...valid, questions: Array(6).fill(question()) })).toBe('最多 5 个问题')
    expect(firstMessage({ ...valid, questions: Array(5).fill(question()) })).toBeNull()
  })
  it('needs 2 to 8 distinct options per question', () => {
    expect(firstMessage({ ...valid, questions: [question(1)] })).toBe('每个问题至少要有 2 个选项')
    expect(firstMessage({ ...valid, questions: [question(9)] })).toBe('每个问题最多 8 个选项')
    expect(firstMessage({ ...valid, questions: [question(8)] })).toBeNull()
    expect(firstMessage({ ...valid, questions: [{ ...question(), options: ['是', ' 是'] }] })).toBe(
      '同一个问题里有两个一样的选项',
    )
  })
  it('refuses an empty title, an over-long one and a day that is no date', () => {
    expect(firstMessage({ ...valid, title: '   ' })).toBe('请填写标题')
    expect(firstMessage({ ...valid, title: '字'.repeat(POLL_LIMITS.title + 1) })).toBe('标题最多 40 个字')
    expect(firstMessage({ ...valid, endsOn: '2026-02-30' })).toBe('请选择截止日期')
  })
})

describe('the end day', () => {
  // 2026-12-06 23:30 in Beijing
  const now = new Date('2026-12-06T15:30:00Z')
  it('is today or later, Beijing time, and at most 90 days ahead', () => {
    expect(pollEndDayRule('2026-12-05', now)).toBe('POLL_END_IN_PAST')
    expect(pollEndDayRule('2026-12-06', now)).toBeNull()
    expect(pollEndDayRule('2027-03-06', now)).toBeNull()
    expect(pollEndDayRule('2027-03-07', now)).toBe('POLL_END_TOO_FAR')
  })
  it('ends the poll at the end of that day in Beijing, or earlier when closed', () => {
    expect(pollState({ endsOn: '2026-12-06', closedAt: null }, now)).toBe('open')
    expect(pollState({ endsOn: '2026-12-06', closedAt: null }, new Date('2026-12-06T16:00:00Z'))).toBe(
      'ended',
    )
    expect(pollState({ endsOn: '2026-12-20', closedAt: new Date() }, now)).toBe('closed')
  })
  it('every refusal has a plain message', () => {
    expect(ERRORS.POLL_END_IN_PAST.message).toContain('今天')
    expect(ERRORS.POLL_END_TOO_FAR.message).toContain('90')
  })
})

describe('an answer', () => {
  const qs = [question(3), question(4, true)]
  it('answers every question: one option for a single choice, any for a multiple one', () => {
    expect(pollAnswerRule(qs, [[2], [0, 3]])).toBeNull()
    expect(pollAnswerRule(qs, [[2], []])).toBe('POLL_ANSWER_INCOMPLETE')
    expect(pollAnswerRule(qs, [[0, 1], [0]])).toBe('POLL_ANSWER_INVALID')
  })
  it('names only options of the poll, each once, for every question', () => {
    expect(pollAnswerRule(qs, [[3], [0]])).toBe('POLL_ANSWER_INVALID')
    expect(pollAnswerRule(qs, [[0], [1, 1]])).toBe('POLL_ANSWER_INVALID')
    expect(pollAnswerRule(qs, [[0]])).toBe('POLL_ANSWER_INVALID')
  })
})

describe('the results', () => {
  it('are shown to residents after the end, or before when the committee chose so; always to the committee', () => {
    expect(pollResultsVisible('open', false, false)).toBe(false)
    expect(pollResultsVisible('open', true, false)).toBe(true)
    expect(pollResultsVisible('ended', false, false)).toBe(true)
    expect(pollResultsVisible('closed', false, false)).toBe(true)
    expect(pollResultsVisible('open', false, true)).toBe(true)
  })
})
