import {
  addOption,
  addQuestion,
  blankPollForm,
  canAddOption,
  checkPollForm,
  editOption,
  editQuestion,
  endDayRange,
  firstUnanswered,
  removeOption,
  removeQuestion,
  sharePercent,
  toggleChoice,
} from './poll'

// 2026-12-06 10:00 in Beijing
const now = new Date('2026-12-06T02:00:00Z')

describe('the committee’s poll form', () => {
  it('starts with one question of two empty options, ending a week later, results hidden', () => {
    const f = blankPollForm(now)
    expect(f.questions).toEqual([{ text: '', multiple: false, options: ['', ''] }])
    expect(f.endsOn).toBe('2026-12-13')
    expect(f.resultsBeforeEnd).toBe(false)
    expect(endDayRange(now)).toEqual({ start: '2026-12-06', end: '2027-03-06' })
  })

  it('adds questions up to 5 and options up to 8, and keeps at least 1 and 2', () => {
    let f = blankPollForm(now)
    expect(removeQuestion(f, 0)).toBe(f)
    for (let i = 0; i < 6; i++) f = addQuestion(f)
    expect(f.questions).toHaveLength(5)
    let q = f
    for (let i = 0; i < 8; i++) q = addOption(q, 1)
    expect(q.questions[1]!.options).toHaveLength(8)
    expect(canAddOption(q.questions[1]!)).toBe(false)
    expect(q.questions[0]!.options).toHaveLength(2)
    expect(removeOption(f, 0, 1)).toBe(f)
    expect(removeQuestion(f, 4).questions).toHaveLength(4)
  })

  it('edits one option of one question and leaves the rest', () => {
    const f = editOption(addQuestion(blankPollForm(now)), 1, 0, '路灯')
    expect(f.questions.map((q) => q.options)).toEqual([
      ['', ''],
      ['路灯', ''],
    ])
  })

  it('points at the field to fix, a question by its number', () => {
    const f = blankPollForm(now)
    const r = checkPollForm(f)
    expect(r).toEqual({ ok: false, errors: { title: '请填写标题', q0: '请填写问题' } })
    let good = editQuestion({ ...f, title: '广场开放时间' }, 0, { text: '几点关灯？' })
    good = editOption(editOption(good, 0, 0, '9点'), 0, 1, '9点')
    expect(checkPollForm(good)).toEqual({ ok: false, errors: { q0: '同一个问题里有两个一样的选项' } })
    good = editOption(good, 0, 1, '10点')
    const ok = checkPollForm(good)
    expect(ok.ok && ok.value.questions[0]!.options).toEqual(['9点', '10点'])
  })
})

describe('answering', () => {
  it('a single choice keeps one option; a multiple one toggles each', () => {
    let c = [[], []] as number[][]
    c = toggleChoice(c, 0, 1, false)
    c = toggleChoice(c, 0, 2, false)
    expect(c).toEqual([[2], []])
    c = toggleChoice(c, 1, 3, true)
    c = toggleChoice(c, 1, 0, true)
    expect(c).toEqual([[2], [0, 3]])
    expect(toggleChoice(c, 1, 3, true)).toEqual([[2], [0]])
  })
  it('names the first question still unanswered', () => {
    expect(firstUnanswered([[1], [], []])).toBe(2)
    expect(firstUnanswered([[1], [0]])).toBeNull()
  })
  it('draws each option’s bar as its share of the people who answered', () => {
    expect(sharePercent(2, 3)).toBe(67)
    expect(sharePercent(null, 3)).toBe(0)
    expect(sharePercent(0, 0)).toBe(0)
  })
})
