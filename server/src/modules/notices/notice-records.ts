import { canonicalNoticeContent } from '@xiangli/shared'
import { canonicalJson, sha256 } from '../../core/audit/audit.service'
import type { NoticeVersion } from './entities/notice-version.entity'
import type { PublicNotice } from './entities/public-notice.entity'

/**
 * What the audit chain records of a notice, and how a reader is served from it. A published version
 * is written once to `notice_version` and its record to the chain; the live `public_notice` row keeps
 * a copy of the latest content for lists and search, and the facts of the publication (period,
 * audience, category) that the chain records once when it is first published.
 */

export const VERSION_TARGET = 'notice_version'
export const VERSION_ACTIONS = ['notice.version_published', 'notice.version_corrected'] as const
export const PUBLICATION_ACTION = 'notice.publication_recorded'
export const PERIOD_ENDED_ACTION = 'notice.period_ended'
export const OPINION_ACTION = 'notice.supervision_opinion'

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString())

/** A version's content hash: SHA-256 of its canonical content (title, body, lines, totals, files). */
export function noticeContentHash(
  v: Pick<NoticeVersion, 'title' | 'body' | 'lines' | 'totals' | 'attachments'>,
): string {
  return sha256(
    canonicalNoticeContent({
      title: v.title,
      body: v.body,
      lines: v.lines ?? [],
      totals: v.totals,
      attachments: v.attachments ?? [],
    }),
  )
}

/**
 * The record of a version, in every form it was ever written, newest first. The first form covered
 * the content only; the second adds what the public page shows beside it: the reason of a correction,
 * when and by whom it was published. Versions are read back from the database before they are
 * recorded, so a datetime the database rounds is recorded as it is stored.
 */
export function versionRecords(v: NoticeVersion): unknown[] {
  const contentHash = noticeContentHash(v)
  return [
    {
      form: 2,
      noticeId: v.noticeId,
      version: v.version,
      contentHash,
      reason: v.reason,
      createdAt: iso(v.createdAt),
      createdByName: v.createdByName,
    },
    { noticeId: v.noticeId, version: v.version, contentHash },
  ]
}

/**
 * The facts of a publication that do not change after it (a correction changes the content only).
 * `opinion` is the supervision committee's opinion given when it approved the notice for publication;
 * an opinion given after publication has its own entry.
 */
export function publicationRecord(n: PublicNotice, opinion: string | null): unknown {
  return {
    opinion,
    noticeId: n.id,
    villageId: n.villageId,
    category: n.category,
    periodStart: n.periodStart,
    periodEnd: n.periodEnd,
    publishedAt: iso(n.publishedAt),
    audienceGroupId: n.audienceGroupId,
    requiresAck: Boolean(n.requiresAck),
    major: Boolean(n.major),
    coversPeriod: n.coversPeriod,
    deliberationId: n.deliberationId,
    resolutionNoticeId: n.resolutionNoticeId,
  }
}

/** The supervision committee's opinion as its audit entry records it. */
export const opinionRecord = (opinion: string | null): unknown => ({ opinion })

/** Whether the live row still carries the content of a version. */
export function rowMatchesVersion(n: PublicNotice, v: NoticeVersion): boolean {
  return (
    n.title === v.title &&
    n.body === v.body &&
    canonicalJson(n.lines ?? []) === canonicalJson(v.lines ?? []) &&
    canonicalJson(n.totals) === canonicalJson(v.totals) &&
    canonicalJson(n.attachmentIds ?? []) === canonicalJson((v.attachments ?? []).map((a) => a.fileId))
  )
}

/**
 * Published notices as readers see them: title, body, finance lines and files from the latest
 * version, the record the chain vouches for, not from the live row a database user could edit.
 */
export function asPublished(
  rows: PublicNotice[],
  latest: ReadonlyMap<number, NoticeVersion>,
): PublicNotice[] {
  return rows.map((n) => {
    const v = n.version > 0 ? latest.get(n.id) : undefined
    if (!v) return n
    return {
      ...n,
      title: v.title,
      body: v.body,
      lines: v.lines,
      totals: v.totals,
      attachmentIds: (v.attachments ?? []).map((a) => a.fileId),
    }
  })
}
