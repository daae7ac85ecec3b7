import {
  effectiveNoticeState,
  maskName,
  moderationView,
  type NoticeAckReport,
  type NoticeAttachmentView,
  type NoticeAudience,
  type NoticeIntegrityReport,
  type NoticeSummary,
  type NoticeVersionView,
  type NoticeView,
  type ObjectionView,
  type PublicNoticeSummary,
  type PublicNoticeView,
  proxyLineOf,
} from '@xiangli/shared'
import type { StoredFile } from '../../core/files/entities/stored-file.entity'
import type { NoticeAck } from './entities/notice-ack.entity'
import type { NoticeObjection } from './entities/notice-objection.entity'
import type { NoticeVersion } from './entities/notice-version.entity'
import type { PublicNotice } from './entities/public-notice.entity'
import type { VersionMismatch } from './notice-integrity'
import { excerpt, isOverdue, isPublished } from './notices.rules'

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null)

/** A signed link to a stored file. */
type UrlOf = (fileId: number) => string

export function presentSummary(
  n: PublicNotice,
  c: { villageName: string; unread: boolean; objectionCount: number; now: Date },
): NoticeSummary {
  const audience: NoticeAudience =
    n.audienceGroupId !== null ? { kind: 'group', groupId: n.audienceGroupId } : { kind: 'village' }
  return {
    id: n.id,
    villageId: n.villageId,
    villageName: c.villageName,
    category: n.category,
    title: n.title,
    excerpt: excerpt(n.body, 60),
    state: effectiveNoticeState(n.state, n.periodEnd, c.now),
    pinned: n.pinned,
    periodStart: n.periodStart,
    periodEnd: n.periodEnd,
    publishedAt: iso(n.publishedAt),
    version: n.version,
    unread: n.version > 0 && c.unread,
    requiresAck: n.requiresAck,
    major: n.major,
    coversPeriod: n.coversPeriod,
    audience,
    objectionCount: c.objectionCount,
    deliberationId: n.deliberationId,
  }
}

/**
 * Files in the order given, those that exist; each with the hash it was published with when `hashes`
 * names one (a version's), else the stored file's.
 */
export function presentAttachments(
  ids: number[],
  files: StoredFile[],
  urlOf: UrlOf,
  hashes?: ReadonlyMap<number, string>,
): NoticeAttachmentView[] {
  return ids
    .map((id) => files.find((f) => f.id === id))
    .filter((f): f is StoredFile => f !== undefined)
    .map((f) => ({
      fileId: f.id,
      url: urlOf(f.id),
      mime: f.mime,
      size: f.size,
      name: null,
      sha256: hashes?.get(f.id) ?? f.sha256,
    }))
}

/** A version as published, its files with the hashes they were published with. */
export function presentVersion(v: NoticeVersion, files: StoredFile[], urlOf: UrlOf): NoticeVersionView {
  const atts = v.attachments ?? []
  return {
    version: v.version,
    title: v.title,
    body: v.body,
    lines: v.lines ?? [],
    totals: v.totals,
    attachments: presentAttachments(
      atts.map((x) => x.fileId),
      files,
      urlOf,
      new Map(atts.map((x) => [x.fileId, x.sha256])),
    ),
    reason: v.reason,
    contentHash: v.contentHash,
    createdAt: v.createdAt.toISOString(),
    createdByName: v.createdByName,
  }
}

/** One notice as its page shows it; `n` carries the latest version's content once published. */
export function presentNotice(
  n: PublicNotice,
  c: {
    villageName: string
    objectionCount: number
    now: Date
    attachments: NoticeAttachmentView[]
    versions: NoticeVersionView[]
    objectable: boolean
    acknowledgedByHousehold: boolean
    actions: NoticeView['actions']
    /** the 两委's reason when they rejected the current version in the content review */
    rejectedReason: string | null
  },
): NoticeView {
  const published = isPublished(n)
  return {
    ...presentSummary(n, {
      villageName: c.villageName,
      unread: false,
      objectionCount: c.objectionCount,
      now: c.now,
    }),
    body: n.body,
    lines: n.lines ?? [],
    totals: n.totals,
    attachments: c.attachments,
    versions: published ? c.versions : [],
    resolutionNoticeId: n.resolutionNoticeId,
    supervisionOpinion: n.supervisionOpinion,
    supervisionAt: iso(n.supervisionAt),
    returnReason: n.returnReason,
    objectionsOpen: c.objectable,
    acknowledgedByMyHousehold: c.acknowledgedByHousehold,
    actions: c.actions,
    createdAt: n.createdAt.toISOString(),
    publicPath: published ? `/api/public/notices/${n.id}` : null,
    moderation: moderationView(n.moderation, c.rejectedReason),
  }
}

/** The share page: no resident's name, every version with its hash, the title as the latest version has it. */
export function presentPublic(
  n: PublicNotice,
  c: { villageName: string; versions: NoticeVersionView[]; objectionCount: number; now: Date },
): PublicNoticeView {
  return {
    id: n.id,
    villageId: n.villageId,
    villageName: c.villageName,
    category: n.category,
    title: c.versions[0]?.title ?? n.title,
    state: effectiveNoticeState(n.state, n.periodEnd, c.now),
    periodStart: n.periodStart,
    periodEnd: n.periodEnd,
    publishedAt: n.publishedAt!.toISOString(),
    supervisionOpinion: n.supervisionOpinion,
    versions: c.versions,
    objectionCount: c.objectionCount,
  }
}

/** A deliberation's 决议公开 or 实施结果公开 as its detail lists it; null for any other notice. */
export function presentForDeliberation(n: PublicNotice): PublicNoticeSummary | null {
  if (n.category !== 'resolution' && n.category !== 'implementation') return null
  return {
    id: n.id,
    category: n.category,
    title: n.title,
    body: n.body,
    resolutionNoticeId: n.resolutionNoticeId,
    publishedAt: (n.publishedAt ?? n.createdAt).toISOString(),
    supervisionOpinion: n.supervisionOpinion,
    supervisionAt: iso(n.supervisionAt),
  }
}

export function presentObjection(
  o: NoticeObjection,
  c: {
    noticeTitle: string
    villageName: string
    mine: boolean
    names: boolean
    /** the reader may read the 两委's answer (the content check has shown it, or they may see it anyway) */
    answer: boolean
    /** the 两委's reasons for rejecting the objection and its answer, when they did */
    reasons: { objection?: string; answer?: string }
    now: Date
    urlOf: UrlOf
  },
): ObjectionView {
  return {
    id: o.id,
    noticeId: o.noticeId,
    noticeTitle: c.noticeTitle,
    villageId: o.villageId,
    villageName: c.villageName,
    objectorName: c.names ? o.objectorName : maskName(o.objectorName),
    mine: c.mine,
    text: o.text,
    photoUrls: (o.photoIds ?? []).map(c.urlOf),
    state: o.state,
    submittedAt: o.submittedAt.toISOString(),
    dueAt: o.dueAt.toISOString(),
    overdue: isOverdue(o, c.now),
    answer: c.answer ? o.answer : null,
    answerPhotoUrls: c.answer ? (o.answerPhotoIds ?? []).map(c.urlOf) : [],
    answeredAt: iso(o.answeredAt),
    answeredByName: o.answeredByName,
    escalationReason: o.escalationReason,
    escalatedAt: iso(o.escalatedAt),
    townshipAnswer: o.townshipAnswer,
    townshipAnsweredAt: iso(o.townshipAnsweredAt),
    acceptedAt: iso(o.acceptedAt),
    // a household member acting is the objector's private matter; staff acting is an official act
    proxy: c.names || o.proxy?.standing.kind === 'role' ? proxyLineOf(o.proxy) : null,
    moderation: moderationView(o.moderation, c.reasons.objection),
    answerModeration:
      c.answer && o.answerModeration ? moderationView(o.answerModeration, c.reasons.answer) : null,
  }
}

/** Which households of the audience acknowledged, and which did not yet. */
export function presentAckReport(
  households: { id: number; code: string; headResidentId: number | null }[],
  heads: ReadonlyMap<number, string>,
  acks: NoticeAck[],
): NoticeAckReport {
  const acked = new Map(acks.map((x) => [x.householdId, x]))
  const byId = new Map(households.map((h) => [h.id, h]))
  const row = (h: { id: number; code: string; headResidentId: number | null }) => ({
    householdId: h.id,
    householdCode: h.code,
    headName: h.headResidentId !== null ? (heads.get(h.headResidentId) ?? null) : null,
  })
  return {
    totalHouseholds: households.length,
    acknowledged: acks
      .filter((x) => byId.has(x.householdId))
      .map((x) => ({ ...row(byId.get(x.householdId)!), byName: x.residentName, at: x.at.toISOString() })),
    missing: households.filter((h) => !acked.has(h.id)).map(row),
  }
}

export function presentIntegrity(report: {
  checked: number
  mismatches: VersionMismatch[]
}): NoticeIntegrityReport {
  return {
    ok: report.mismatches.length === 0,
    checkedVersions: report.checked,
    mismatches: report.mismatches.map(({ noticeId, version, villageId, code }) => ({
      noticeId,
      version,
      villageId,
      code,
    })),
  }
}
