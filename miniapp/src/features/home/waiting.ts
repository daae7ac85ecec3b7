import {
  DELIBERATION_BODY_LABELS,
  type CommitteeWaiting,
  type HomeMine,
  type HomeMeeting,
} from '@xiangli/shared'
import { ROUTES, withQuery } from '@/routes'

/** One line of "what needs you": a count and where tapping it goes (the queue, filtered to those items). */
export interface WaitingLine {
  key: string
  title: string
  count: number
  /** "2 件待受理" */
  text: string
  url: string
  /** a tab page opens with switchTab */
  tab?: boolean
}

/** The resident's own waiting items, only those with something in them. */
export function residentLines(mine: HomeMine, villageId: number): WaitingLine[] {
  const q = { villageId }
  const lines: WaitingLine[] = [
    {
      key: 'notices',
      title: '新公告',
      count: mine.newNotices,
      text: `${mine.newNotices} 条没看过`,
      url: ROUTES.public,
      tab: true,
    },
    {
      key: 'rate',
      title: '等您评价的答复',
      count: mine.toRate,
      text: `${mine.toRate} 件待评价`,
      url: withQuery(ROUTES.grievanceMine, q),
    },
    {
      key: 'resubmit',
      title: '退回补充的证明申请',
      count: mine.toResubmit,
      text: `${mine.toResubmit} 件待补充`,
      url: withQuery(ROUTES.certificateMine, q),
    },
  ]
  return lines.filter((l) => l.count > 0)
}

/** The 两委's (or supervision committee's) queues, each with its count, every kind shown even at 0. */
export function committeeLines(
  w: CommitteeWaiting,
  villageId: number,
  o: { committee: boolean },
): WaitingLine[] {
  const q = { villageId }
  const lines: WaitingLine[] = []
  const add = (key: string, title: string, count: number, unit: string, url: string) =>
    lines.push({ key, title, count, text: count > 0 ? `${count} ${unit}` : '暂无', url })
  if (o.committee) {
    add(
      'accept',
      '说事待受理',
      w.grievancesToAccept,
      '件待受理',
      withQuery(ROUTES.committeeGrievances, { ...q, status: 'submitted' }),
    )
    add(
      'answer',
      '说事待答复',
      w.grievancesToAnswer,
      '件待答复',
      withQuery(ROUTES.committeeGrievances, { ...q, toAnswer: 'true' }),
    )
    add(
      'overdue',
      '说事已超时',
      w.grievancesOverdue,
      '件已超时',
      withQuery(ROUTES.committeeGrievances, { ...q, overdue: 'true' }),
    )
    add(
      'certificates',
      '证明待审核',
      w.certificatesToApprove,
      '件待审核',
      withQuery(ROUTES.committeeCertificates, { ...q, filter: 'waiting' }),
    )
    add(
      'objections',
      '异议待答复',
      w.objectionsToAnswer,
      '条待答复',
      withQuery(ROUTES.committeeNoticeObjections, { ...q, filter: 'submitted' }),
    )
    add(
      'petitions',
      '联名提议已达人数',
      w.petitionsReached,
      '件待召集',
      withQuery(ROUTES.petitionList, { ...q, status: 'reached' }),
    )
  }
  add(
    'deliberations',
    '议事等您办理',
    w.deliberationsWaiting,
    '件等您',
    withQuery(ROUTES.deliberationList, q),
  )
  if (!o.committee || w.noticesToReview > 0)
    add(
      'review',
      '公告待审核',
      w.noticesToReview,
      '条待审核',
      withQuery(ROUTES.committeeNotices, { ...q, state: 'in_review' }),
    )
  return lines
}

/** All a committee member has waiting, for the heading ("共 7 件待办"). */
export const totalWaiting = (lines: readonly WaitingLine[]): number =>
  lines.filter((l) => l.key !== 'overdue').reduce((s, l) => s + l.count, 0)

/** "12月8日 周二 14:00 · 村委会会议室 · 村民会议", in China time whatever the phone's zone. */
export function meetingLine(m: HomeMeeting): string {
  const t = new Date(new Date(m.at).getTime() + 8 * 3_600_000)
  const week = '日一二三四五六'[t.getUTCDay()]
  const hh = String(t.getUTCHours()).padStart(2, '0')
  const mm = String(t.getUTCMinutes()).padStart(2, '0')
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 周${week} ${hh}:${mm} · ${m.place} · ${DELIBERATION_BODY_LABELS[m.body]}`
}

export const meetingUrl = (m: HomeMeeting, villageId: number): string =>
  withQuery(ROUTES.deliberationMeeting, { id: m.deliberationId, meetingId: m.meetingId, villageId })
