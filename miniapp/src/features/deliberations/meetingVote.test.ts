import type { QuorumCheck } from '@xiangli/shared'
import { checkCount, confirmVoteText, quorumDisplay, toggle, voteButtons } from './meetingVote'
import type { MeetingView } from './deliberation'

describe('quorumDisplay', () => {
  const check = (over: Partial<QuorumCheck>): QuorumCheck => ({ met: false, by: null, criteria: [], ...over })
  it('shows present against needed and how many are missing', () => {
    const q = quorumDisplay({
      attendance: { due: 40, present: 12 },
      quorum: check({
        criteria: [
          {
            count: 'persons',
            threshold: { num: 1, den: 2, strict: true },
            counted: 12,
            of: 40,
            needed: 21,
            met: false,
          },
        ],
      }),
    })
    expect(q).toMatchObject({
      met: false,
      headline: '已到 12 人 / 需要 21 人',
      verdict: '还差 9 人才达到法定人数',
    })
    expect(q.percent).toBe(57)
    expect(q.lines).toEqual(['按人数：应到 40 人，需要 21 人，已到 12 人'])
  })
  it('says when the households carry the quorum', () => {
    const q = quorumDisplay({
      attendance: { due: 40, present: 10, households: { total: 15, represented: 10 } },
      quorum: check({
        met: true,
        by: 'households',
        criteria: [
          {
            count: 'persons',
            threshold: { num: 1, den: 2, strict: true },
            counted: 10,
            of: 40,
            needed: 21,
            met: false,
          },
          {
            count: 'households',
            threshold: { num: 2, den: 3, strict: false },
            counted: 10,
            of: 15,
            needed: 10,
            met: true,
          },
        ],
      }),
    })
    expect(q.verdict).toBe('按户数已达到法定人数，可以表决')
    expect(q.percent).toBe(100)
    expect(q.lines[1]).toBe('按户数：共 15 户，需要 10 户，已到 10 户，已达到')
  })
})

describe('voteButtons', () => {
  const m = (over: Partial<MeetingView> = {}) => ({
    status: 'in_session' as const,
    ballot: 'secret' as const,
    members: [{ id: 1, name: '朱红梅', present: true, isMe: true }],
    ...over,
  })
  it('walks a member from check-in to vote to voted, never naming the choice of a secret ballot', () => {
    expect(voteButtons(m({ status: 'scheduled' }), false).stage).toBe('not_open')
    expect(
      voteButtons(m({ members: [{ id: 1, name: '朱红梅', present: false, isMe: true }] }), false).stage,
    ).toBe('check_in')
    expect(voteButtons(m(), false)).toEqual({ stage: 'vote', hint: '这是无记名投票，谁也看不到您投了什么。' })
    const voted = voteButtons(m(), true)
    expect(voted.stage).toBe('voted')
    expect(voted.hint).not.toMatch(/同意|反对|弃权/)
  })
  it('opens check-in from the time the server says, and the vote only once the meeting opened', () => {
    const timing = (moment: MeetingView['timing']['moment']): MeetingView['timing'] => ({
      checkInOpensAt: '2026-12-05T11:00:00.000Z',
      votingOpensAt: '2026-12-05T11:30:00.000Z',
      lapsesAt: '2026-12-06T11:30:00.000Z',
      moment,
      now: '2026-12-05T10:00:00.000Z',
    })
    const absent = [{ id: 1, name: '朱红梅', present: false, isMe: true }]
    const early = voteButtons(
      m({ status: 'scheduled', members: absent, timing: timing('before_check_in') }),
      false,
    )
    expect(early).toEqual({
      stage: 'not_open',
      hint: '会议12月5日 19:30开始，12月5日 19:00起可以签到，会议开始后才能表决。',
    })
    expect(
      voteButtons(m({ status: 'scheduled', members: absent, timing: timing('check_in') }), false).stage,
    ).toBe('check_in')
    // checked in early: the vote waits for the announced time and the opening
    const waiting = voteButtons(m({ status: 'scheduled', timing: timing('due') }), false)
    expect(waiting).toEqual({
      stage: 'checked_in',
      hint: '已签到。会议12月5日 19:30开始，两委开始会议后就能表决。',
    })
    expect(voteButtons(m({ status: 'scheduled', timing: timing('lapsed') }), false).stage).toBe('closed')
    expect(voteButtons(m({ status: 'lapsed' }), false).hint).toContain('已经失效')
  })

  it('tells someone not on the list, and closes with the meeting', () => {
    expect(voteButtons(m({ members: [] }), false).stage).toBe('not_member')
    expect(voteButtons(m({ status: 'closed' }), true)).toEqual({
      stage: 'closed',
      hint: '表决已结束，您投过票了',
    })
    expect(voteButtons(m({ status: 'cancelled' }), false).hint).toBe('这次会议已取消')
  })
  it('asks to confirm with the choice in words', () => {
    expect(confirmVoteText('no', 'secret')).toBe('您投的是“反对”。无记名投票，投出后不能更改。')
  })
})

describe('the clerk', () => {
  it('toggles members on the paper sheet', () => {
    expect(toggle([1, 2], 2)).toEqual([1])
    expect(toggle([1], 3)).toEqual([1, 3])
  })
  it('checks the hand count against those present', () => {
    expect(checkCount({ yes: '5', no: '', abstain: '1' }, 6)).toEqual({
      ok: true,
      counted: { yes: 5, no: 0, abstain: 1 },
    })
    expect(checkCount({ yes: '5', no: '2', abstain: '0' }, 6)).toEqual({
      ok: false,
      error: '同意、反对、弃权加起来不能超过到会的 6 人',
    })
    expect(checkCount({ yes: '-1', no: '', abstain: '' }, 6)).toEqual({
      ok: false,
      error: '同意的票数只能填 0 或正整数',
    })
  })
})
