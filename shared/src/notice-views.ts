/**
 * The answers of the public-notice API (村务公开 / 公示): what a page receives. The requests are in
 * notice-api.ts, the routes in contract/notices.ts.
 */
import type { Page } from './api'
import type { ModerationView } from './content-check'
import type { ErrorCode } from './errors'
import type {
  CalendarItem,
  FinanceLine,
  FinanceTotals,
  NoticeCategory,
  NoticeState,
  ObjectionState,
} from './notice'
import type { NoticeAudience, NoticeSettings } from './notice-api'
import type { ProxyLine } from './proxy'

export interface NoticeAttachmentView {
  fileId: number
  /** signed link that works without a login for about an hour */
  url: string
  mime: string
  size: number
  name: string | null
  sha256: string
}

export interface NoticeVersionView {
  version: number
  title: string
  body: string
  lines: FinanceLine[]
  totals: FinanceTotals | null
  attachments: NoticeAttachmentView[]
  /** null on version 1 */
  reason: string | null
  contentHash: string
  createdAt: string
  createdByName: string | null
}

export interface NoticeSummary {
  id: number
  villageId: number
  villageName: string
  category: NoticeCategory
  title: string
  /** the first 60 characters of the body */
  excerpt: string
  /** effective: a published notice past its period reads 'ended' */
  state: NoticeState
  pinned: boolean
  periodStart: string | null
  periodEnd: string | null
  publishedAt: string | null
  /** the current version (0 while a draft) */
  version: number
  /** the reader has not opened the current version yet */
  unread: boolean
  requiresAck: boolean
  major: boolean
  coversPeriod: string | null
  audience: NoticeAudience
  objectionCount: number
  deliberationId: number | null
}

export type NoticePage = Page<NoticeSummary>

export interface NoticeUnreadCounts {
  total: number
  byCategory: Record<NoticeCategory, number>
}

export interface NoticeView extends NoticeSummary {
  body: string
  lines: FinanceLine[]
  totals: FinanceTotals | null
  attachments: NoticeAttachmentView[]
  /** every published version, newest first; [] while a draft */
  versions: NoticeVersionView[]
  resolutionNoticeId: number | null
  supervisionOpinion: string | null
  supervisionAt: string | null
  /** the reason the supervision committee returned it */
  returnReason: string | null
  /** may the caller still object (period open, published) */
  objectionsOpen: boolean
  /** the caller's household acknowledged it */
  acknowledgedByMyHousehold: boolean
  /** the lifecycle events the caller may trigger now */
  actions: ('edit' | 'submit' | 'review' | 'publish' | 'pin' | 'correct' | 'opinion' | 'object' | 'ack')[]
  createdAt: string
  /** the API path that serves the public view (GET, no login) for the H5 share page; null until published */
  publicPath: string | null
  /**
   * The content check of the published text: until it is shown, residents do not see the notice and
   * are not told of it; the 两委, the supervision committee and the township read it with the note.
   */
  moderation: ModerationView
}

/** What anyone sees at the share URL: no names of residents, every version with its hash. */
export interface PublicNoticeView {
  id: number
  villageId: number
  villageName: string
  category: NoticeCategory
  title: string
  state: NoticeState
  periodStart: string | null
  periodEnd: string | null
  publishedAt: string
  supervisionOpinion: string | null
  /** newest first */
  versions: NoticeVersionView[]
  objectionCount: number
}

export interface ObjectionView {
  id: number
  noticeId: number
  noticeTitle: string
  villageId: number
  villageName: string
  /** masked (王*英) for anyone but the objector, the committee and the township */
  objectorName: string
  mine: boolean
  text: string
  photoUrls: string[]
  state: ObjectionState
  submittedAt: string
  /** the committee must answer before this */
  dueAt: string
  overdue: boolean
  answer: string | null
  answerPhotoUrls: string[]
  answeredAt: string | null
  answeredByName: string | null
  escalationReason: string | null
  escalatedAt: string | null
  townshipAnswer: string | null
  townshipAnsweredAt: string | null
  acceptedAt: string | null
  /** 代办人, when someone objected for the objector */
  proxy: ProxyLine | null
  /** the content check of the objection (its text and photos) */
  moderation: ModerationView
  /** the content check of the 两委's answer; null until answered */
  answerModeration: ModerationView | null
}

export type ObjectionPage = Page<ObjectionView>

export interface NoticeAckResult {
  acknowledged: true
  householdId: number
  at: string
}

export interface NoticeAckReport {
  totalHouseholds: number
  acknowledged: {
    householdId: number
    householdCode: string
    headName: string | null
    byName: string
    at: string
  }[]
  missing: { householdId: number; householdCode: string; headName: string | null }[]
}

export interface VillageNoticeCalendar {
  villageId: number
  villageName: string
  settings: NoticeSettings
  items: CalendarItem[]
  met: number
  due: number
  overdue: number
}

export type TownshipVillageCalendar = VillageNoticeCalendar & { overdueObjections: number }

/** How the township's villages keep up, counted over all of them (a village may be both due and overdue). */
export interface TownshipCalendarSummary {
  villages: number
  /** nothing due and nothing overdue */
  compliant: number
  /** an item in its grace days (or a major matter not yet past its days) */
  withDue: number
  withOverdue: number
}

/** A page of the township's villages, in the order of their ids. */
export interface TownshipNoticeCalendar {
  townshipId: number
  villages: TownshipVillageCalendar[]
  /** pass as `after` for the next page; left out on the last */
  nextAfter?: number
  /** over every village of the township (not only this page); answered on the first page only */
  summary: TownshipCalendarSummary | null
}

export interface NoticeIntegrityReport {
  ok: boolean
  checkedVersions: number
  /** versions whose content no longer matches the hash recorded in the audit chain */
  mismatches: { noticeId: number; version: number; villageId: number; code: ErrorCode }[]
}
