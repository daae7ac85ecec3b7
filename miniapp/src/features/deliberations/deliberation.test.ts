import type { QuorumCheck } from '@xiangli/shared'
import { membership } from '@/test/factories'
import {
  checkCount,
  committeeButtons,
  confirmVoteText,
  filterByStatus,
  firstPages,
  isSupervisor,
  isVillageCadre,
  listItems,
  liveMeeting,
  minutesLabel,
  quorumDisplay,
  resultLine,
  sourceView,
  stepList,
  toggle,
  voteButtons,
  type DeliberationDetail,
  type MeetingResultView,
  type MeetingSummary,
  type MeetingView,
} from './deliberation'

const STEPS = [
  ['propose', '提议', 'meeting', ['party_branch'], false],
  ['consult', '商议', 'meeting', ['joint_committees'], false],
  ['review', '审议', 'meeting', ['party_members_meeting'], false],
  ['decide', '决议', 'meeting', ['villagers_meeting', 'representatives_meeting'], true],
  ['publish_resolution', '决议公开', 'publication', ['publication'], false],
  ['publish_results', '实施结果公开', 'publication', ['publication'], false],
] as const

const result = (over: Partial<MeetingResultView> = {}): MeetingResultView => ({
  outcome: 'passed',
  reason: '到会 9 人，同意 8 票，超过到会人数的一半，通过',
  due: 12,
  present: 9,
  households: { total: 8, represented: 6 },
  quorumBy: 'persons',
  votes: { yes: 8, no: 1, abstain: 0 },
  online: { yes: 1, no: 0, abstain: 0 },
  closedAt: '2026-11-20T12:00:00.000Z',
  ...over,
})

const meeting = (over: Partial<MeetingSummary> = {}): MeetingSummary => ({
  id: 1,
  step: 'propose',
  body: 'party_branch',
  bodyLabel: '村（社区）党组织',
  meetingAt: '2026-11-20T11:30:00.000Z',
  noticeAt: '2026-11-19T01:00:00.000Z',
  countedNoticeAt: '2026-11-19T01:00:00.000Z',
  paperNoticePending: false,
  location: '村委会会议室',
  ballot: 'open',
  status: 'closed',
  result: result(),
  ...over,
})

const detail = (over: Partial<DeliberationDetail> = {}): DeliberationDetail => ({
  id: 7,
  title: '修建村东头便民桥',
  content: '拟用集体资金修建一座水泥桥。',
  matterType: 'public_works',
  matterLabel: '公益事业的兴办和筹资筹劳方案及建设承包方案',
  source: { kind: 'cadre', grievanceId: null, reference: null, petitionId: null },
  delegationResolution: null,
  status: 'in_progress',
  statusLabel: '议事中',
  step: 'decide',
  stepLabel: '决议',
  phase: 'pending',
  phaseLabel: '待安排会议',
  nextActor: null,
  procedure: {
    variant: 'siyi_liang_gongkai',
    label: '四议两公开',
    steps: STEPS.map(([key, label, kind, bodies, deciding]) => ({
      key,
      label,
      kind,
      bodies: [...bodies],
      recorders: ['party_secretary'],
      deciding,
    })),
  },
  history: [
    { step: 'propose', body: 'party_branch', outcome: 'passed', at: '2026-11-20T12:00:00.000Z' },
    { step: 'consult', body: 'joint_committees', outcome: 'passed', at: '2026-11-21T12:00:00.000Z' },
    { step: 'review', body: 'party_members_meeting', outcome: 'passed', at: '2026-11-22T12:00:00.000Z' },
    {
      step: 'decide',
      body: 'villagers_meeting',
      outcome: 'not_quorate',
      at: '2026-11-23T12:00:00.000Z',
      meeting: {
        meetingAt: '2026-11-23T11:00:00.000Z',
        attendance: { due: 40, present: 3 },
        votes: { yes: 3, no: 0, abstain: 0 },
        quorumBy: null,
        reason: '未达法定人数',
      },
    },
  ],
  meetings: [
    meeting(),
    meeting({ id: 2, step: 'consult', body: 'joint_committees', bodyLabel: '两委联席会议' }),
    meeting({
      id: 3,
      step: 'review',
      body: 'party_members_meeting',
      bodyLabel: '党员大会',
      ballot: 'secret',
    }),
    meeting({
      id: 4,
      step: 'decide',
      body: 'villagers_meeting',
      bodyLabel: '村民会议',
      result: result({ outcome: 'not_quorate', due: 40, present: 3, quorumBy: null, reason: '未达法定人数' }),
    }),
  ],
  notices: [],
  attachments: [],
  solicitation: null,
  opinionSummary: null,
  actions: ['schedule_meeting', 'reject'],
  createdAt: '2026-11-19T12:00:00.000Z',
  ...over,
})

describe('stepList', () => {
  it('shows the finished steps done, the current one waiting, and the rest not started', () => {
    const steps = stepList(detail(), new Date('2026-11-25T12:00:00.000Z'))
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'current', 'upcoming', 'upcoming'])
    expect(steps[0]).toMatchObject({
      index: 1,
      label: '提议',
      phaseLabel: '通过',
      bodyLabel: '村（社区）党组织',
    })
    expect(steps[3]).toMatchObject({
      phaseLabel: '待安排会议',
      bodyLabel: '村民会议或村民代表会议',
      deciding: true,
    })
    expect(steps[5]!.phaseLabel).toBe('未开始')
  })

  it('puts each meeting under its step with its result, a thin meeting as 未达法定人数', () => {
    const steps = stepList(detail())
    expect(steps[2]!.meetings[0]).toMatchObject({ ballotLabel: '无记名投票', statusLabel: '已结束' })
    const thin = steps[3]!.meetings[0]!.result!
    expect(thin).toMatchObject({ outcomeLabel: '未达法定人数', quorumMet: false, tone: 'waiting' })
    expect(thin.attendanceText).toBe('应到 40 人，实到 3 人，未达法定人数')
  })

  it('marks the steps after a failed vote as not held', () => {
    const d = detail({
      status: 'not_adopted',
      step: 'propose',
      phase: 'done',
      history: [{ step: 'propose', body: 'party_branch', outcome: 'failed', at: '2026-11-20T12:00:00.000Z' }],
      meetings: [meeting({ result: result({ outcome: 'failed', votes: { yes: 0, no: 3, abstain: 0 } }) })],
    })
    const steps = stepList(d)
    expect(steps.map((s) => s.state)).toEqual(['done', 'stopped', 'stopped', 'stopped', 'stopped', 'stopped'])
    expect(steps[0]!.phaseLabel).toBe('未通过')
    expect(steps[1]!.phaseLabel).toBe('未进行')
  })

  it('shows a rejection with its reason at the step where it happened', () => {
    const d = detail({
      status: 'rejected',
      step: 'propose',
      phase: 'done',
      history: [
        {
          step: 'propose',
          body: 'party_branch',
          outcome: 'rejected',
          at: '2026-11-20T12:00:00.000Z',
          reason: '不符合政策',
        },
      ],
      meetings: [],
    })
    const [first] = stepList(d)
    expect(first!.notes).toEqual(['终止：不符合政策'])
  })

  it('shows the two publications under their steps once completed', () => {
    const notice = {
      id: 3,
      title: '决议公开：修建村东头便民桥',
      body: '通过',
      resolutionNoticeId: null,
      publishedAt: '2026-11-24T12:00:00.000Z',
      supervisionOpinion: null,
      supervisionAt: null,
    }
    const d = detail({
      status: 'completed',
      step: 'publish_results',
      phase: 'done',
      notices: [
        { ...notice, category: 'resolution' },
        { ...notice, id: 4, category: 'implementation', title: '便民桥建成', resolutionNoticeId: 3 },
      ],
    })
    const steps = stepList(d)
    expect(steps.every((s) => s.state === 'done')).toBe(true)
    expect(steps[4]!.notices.map((n) => n.id)).toEqual([3])
    expect(steps[5]!.notices.map((n) => n.id)).toEqual([4])
  })
})

describe('resultLine', () => {
  it('says passed with the counts and quorum', () => {
    expect(resultLine(result())).toMatchObject({
      outcomeLabel: '通过',
      votesText: '同意 8 · 反对 1 · 弃权 0',
      attendanceText: '应到 12 人，实到 9 人，达到法定人数',
    })
  })

  it('names the households when the quorum came from them', () => {
    expect(resultLine(result({ quorumBy: 'households' })).attendanceText).toBe(
      '应到 12 人，实到 9 人，6 户（共 8 户）有人到会，达到法定人数',
    )
  })
})

describe('sourceView', () => {
  it('links a resident’s issue', () => {
    expect(
      sourceView({ kind: 'grievance', grievanceId: 5, reference: null, petitionId: null }),
    ).toMatchObject({
      label: '村民反映的问题',
      grievanceId: 5,
    })
  })
  it('names the higher-level document', () => {
    expect(
      sourceView({
        kind: 'higher_assignment',
        grievanceId: null,
        reference: '镇发〔2026〕3号',
        petitionId: null,
      }),
    ).toEqual({
      label: '上级交办',
      detail: '镇发〔2026〕3号',
      grievanceId: null,
      petitionId: null,
    })
  })
  it('links the petition it answers', () => {
    expect(sourceView({ kind: 'petition', grievanceId: null, reference: null, petitionId: 8 })).toMatchObject(
      { label: '村民联名提议', petitionId: 8 },
    )
  })
})

describe('the list', () => {
  const items = [
    { id: 1, status: 'in_progress' as const },
    { id: 2, status: 'completed' as const },
    { id: 3, status: 'in_progress' as const },
  ]
  it('filters by status chip', () => {
    expect(filterByStatus(items, 'all').map((i) => i.id)).toEqual([1, 2, 3])
    expect(filterByStatus(items, 'in_progress').map((i) => i.id)).toEqual([1, 3])
  })
  it('pages 20 at a time', () => {
    const many = Array.from({ length: 45 }, (_, i) => i)
    expect(firstPages(many, 1)).toMatchObject({ more: true })
    expect(firstPages(many, 1).shown).toHaveLength(20)
    expect(firstPages(many, 3)).toEqual({ shown: many, more: false })
  })
  it('takes an array or a paged answer', () => {
    expect(listItems([1, 2])).toEqual([1, 2])
    expect(listItems({ items: [3] })).toEqual([3])
  })
  it('links the live meeting of the current step', () => {
    const d = detail({
      meetings: [
        ...detail().meetings,
        meeting({ id: 9, step: 'decide', status: 'in_session', result: null }),
      ],
    })
    expect(liveMeeting(d)?.id).toBe(9)
    expect(liveMeeting(detail())).toBeNull()
  })
})

describe('roles', () => {
  it('lets the two committees run a deliberation, and supervisors give opinions', () => {
    expect(isVillageCadre(membership({ roles: ['committee_member'] }))).toBe(true)
    expect(isVillageCadre(membership({ roles: ['resident'] }))).toBe(false)
    expect(isVillageCadre(membership({ orgKind: 'township', roles: ['committee_member'] }))).toBe(false)
    expect(isSupervisor(membership({ roles: ['supervisor'] }))).toBe(true)
    expect(isSupervisor(null)).toBe(false)
  })
  it('turns the server’s actions into buttons', () => {
    expect(committeeButtons(detail())).toEqual({
      schedule: true,
      runMeeting: false,
      publish: false,
      reject: true,
    })
    expect(committeeButtons(detail({ actions: ['record_attendance', 'record_result'] })).runMeeting).toBe(
      true,
    )
    expect(committeeButtons(detail({ actions: [] }))).toEqual({
      schedule: false,
      runMeeting: false,
      publish: false,
      reject: false,
    })
  })
})

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

describe('minutesLabel', () => {
  it('names the minutes and each correction', () => {
    expect(minutesLabel({ kind: 'minutes', seq: 1, recordedBy: '张丽' })).toBe('会议记录（张丽）')
    expect(minutesLabel({ kind: 'correction', seq: 3, recordedBy: '李建华' })).toBe('第 2 次更正（李建华）')
  })
})
