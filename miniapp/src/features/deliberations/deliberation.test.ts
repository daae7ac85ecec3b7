import { membership } from '@/test/factories'
import {
  committeeButtons,
  filterByStatus,
  firstPages,
  isSupervisor,
  isVillageCadre,
  listItems,
  liveMeeting,
  minutesLabel,
  resultLine,
  sourceView,
  stepList,
  type DeliberationDetail,
  type MeetingResultView,
  type MeetingSummary,
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

describe('minutesLabel', () => {
  it('names the minutes and each correction', () => {
    expect(minutesLabel({ kind: 'minutes', seq: 1, recordedBy: '张丽' })).toBe('会议记录（张丽）')
    expect(minutesLabel({ kind: 'correction', seq: 3, recordedBy: '李建华' })).toBe('第 2 次更正（李建华）')
  })
})
