import type { CommitteeWaiting, HomeMine } from '@xiangli/shared'
import { ROUTES } from '@/routes'
import { committeeLines, meetingLine, residentLines, totalWaiting } from './waiting'

const MINE: HomeMine = { newNotices: 2, meetings: [], toRate: 0, toResubmit: 1 }
const WAITING: CommitteeWaiting = {
  grievancesToAccept: 2,
  grievancesToAnswer: 3,
  grievancesOverdue: 1,
  certificatesToApprove: 4,
  objectionsToAnswer: 0,
  deliberationsWaiting: 1,
  petitionsReached: 1,
  noticesToReview: 0,
}

describe('what needs a resident', () => {
  it('lists only what has something in it, new notices opening the 公开 tab', () => {
    const lines = residentLines(MINE, 7)
    expect(lines.map((l) => [l.key, l.text])).toEqual([
      ['notices', '2 条没看过'],
      ['resubmit', '1 件待补充'],
    ])
    expect(lines[0]).toMatchObject({ url: ROUTES.public, tab: true })
    expect(lines[1]!.url).toBe(`${ROUTES.certificateMine}?villageId=7`)
  })

  it('writes a meeting’s time in China time with its place and body', () => {
    expect(
      meetingLine({
        deliberationId: 1,
        meetingId: 2,
        title: '修路',
        body: 'villagers_meeting',
        at: '2026-12-08T06:00:00.000Z',
        place: '村委会会议室',
      }),
    ).toBe('12月8日 周二 14:00 · 村委会会议室 · 村民会议')
  })
})

describe('the 两委 workbench', () => {
  it('opens "2 件待受理" as the issue queue filtered to those', () => {
    const lines = committeeLines(WAITING, 7, { committee: true })
    const accept = lines.find((l) => l.key === 'accept')!
    expect(accept.text).toBe('2 件待受理')
    expect(accept.url).toBe(`${ROUTES.committeeGrievances}?villageId=7&status=submitted`)
    expect(lines.find((l) => l.key === 'answer')!.url).toContain('toAnswer=true')
    expect(lines.find((l) => l.key === 'overdue')!.url).toContain('overdue=true')
    expect(lines.find((l) => l.key === 'petitions')!.url).toContain('status=reached')
    expect(lines.find((l) => l.key === 'objections')!.text).toBe('暂无')
  })

  it('adds up what waits without counting the overdue ones twice', () => {
    expect(totalWaiting(committeeLines(WAITING, 7, { committee: true }))).toBe(2 + 3 + 4 + 0 + 1 + 1)
  })

  it('gives the supervision committee its review queue and the deliberations waiting on it only', () => {
    const lines = committeeLines({ ...WAITING, noticesToReview: 2 }, 7, { committee: false })
    expect(lines.map((l) => [l.key, l.text])).toEqual([
      ['deliberations', '1 件等您'],
      ['review', '2 条待审核'],
    ])
  })
})
