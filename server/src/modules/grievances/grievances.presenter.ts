import {
  isOverdue,
  maskName,
  proxyLineOf,
  reopenDeadline,
  moderationView,
  reopenGrievance,
  type GrievanceSummary,
  type GrievanceView,
} from '@xiangli/shared'
import type { GrievanceEvent } from './entities/grievance-event.entity'
import type { Grievance } from './entities/grievance.entity'
import { OFFICIAL_ROLES, readsNames, type Relation } from './grievances.policy'
import { excerpt } from './grievances.rules'

/** What a list line needs besides the row: decided by the reader's relation and counted by the repository. */
export interface SummaryContext {
  villageName: string
  /** show names unmasked */
  names: boolean
  supportCount: number
  supportedByMe: boolean
  raisedByViewer: boolean
  now: Date
  /** a signed link to a stored photo */
  urlOf: (fileId: number) => string
  /** the 两委's reason, when they kept the item hidden */
  rejectedReason?: string | null
}

export function presentSummary(g: Grievance, c: SummaryContext): GrievanceSummary {
  return {
    id: g.id,
    villageId: g.villageId,
    villageName: c.villageName,
    category: g.category,
    title: g.title,
    excerpt: excerpt(g.text, 60),
    state: g.state,
    visibility: g.visibility,
    // a grid worker's 民情收集 is raised in their post, whose holder the village knows
    raiserName: c.names || g.collectorName !== null ? g.raiserName : maskName(g.raiserName),
    assigneeName: g.assigneeName,
    createdAt: g.createdAt.toISOString(),
    dueAt: g.dueAt ? g.dueAt.toISOString() : null,
    overdue: isOverdue(g, c.now),
    supportCount: c.supportCount,
    supportedByMe: c.supportedByMe,
    mine: c.raisedByViewer,
    photoUrls: g.photoIds.map(c.urlOf),
    rating: g.rating,
    moderation: moderationView(g.moderation, c.rejectedReason),
    collectedBy: g.collectorName,
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** The whole item with its timeline, names masked for residents who did not raise it. */
export function presentView(
  g: Grievance,
  events: GrievanceEvent[],
  r: Relation,
  c: Omit<SummaryContext, 'names' | 'raisedByViewer'> & { replyReasons?: Map<number, string> },
): GrievanceView {
  // presentView is asked only after mustSee
  const names = readsNames(r)
  const reopenable =
    r.isRaiser &&
    reopenGrievance(g.state, {
      isRaiser: true,
      reopenCount: g.reopenCount,
      answeredAt: g.answeredAt,
      closedAt: g.closedAt,
      now: c.now,
    }).ok
  return {
    ...presentSummary(g, { ...c, names, raisedByViewer: r.isRaiser }),
    text: g.text,
    location: g.location,
    assigneeResidentId: names ? g.assigneeResidentId : null,
    acceptedAt: iso(g.acceptedAt),
    answeredAt: iso(g.answeredAt),
    closedAt: iso(g.closedAt),
    escalatedAt: iso(g.escalatedAt),
    ratingComment: g.ratingComment,
    reopenCount: g.reopenCount,
    reopenableUntil: reopenable ? iso(reopenDeadline(g)) : null,
    // a household member acting is the raiser's private matter; staff acting is an official act
    proxy: names || g.proxy?.standing.kind === 'role' ? proxyLineOf(g.proxy) : null,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      actorName: names || OFFICIAL_ROLES.has(e.actorRole ?? '') ? e.actorName : maskName(e.actorName),
      actorRole: e.actorRole,
      action: e.action,
      text: e.text,
      photoUrls: e.photoIds.map(c.urlOf),
      rating: e.rating,
      moderation: moderationView(e.moderation, c.replyReasons?.get(e.id)),
    })),
  }
}
