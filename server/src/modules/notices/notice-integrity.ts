import type { EntityManager } from 'typeorm'
import type { ErrorCode } from '@xiangli/shared'
import { digest, type ContentCheck, type ContentProblem } from '../../core/audit/audit.service'
import { byTarget, recordedEntries, recordsOneOf, type Recorded } from '../../core/audit/recorded'
import type { NoticeVersion } from './entities/notice-version.entity'
import type { PublicNotice } from './entities/public-notice.entity'
import { NoticeVersionsRepository } from './notice-versions.repository'
import {
  OPINION_ACTION,
  PERIOD_ENDED_ACTION,
  PUBLICATION_ACTION,
  VERSION_ACTIONS,
  noticeContentHash,
  opinionRecord,
  publicationRecord,
  rowMatchesVersion,
  versionRecords,
} from './notice-records'
import { isPublished } from './notices.rules'

const BATCH = 500

/** The verifier runs the check on the manager it is given: the server's, or the command line's own. */
const versionsOn = (m: EntityManager) => new NoticeVersionsRepository(m.connection)

export interface VersionMismatch {
  noticeId: number
  version: number
  villageId: number
  code: ErrorCode
  /** the entry that recorded the version; 0 when it has none */
  seq: number
  versionId: number
  /** the version has no entry at all: it was added behind the application's back */
  unrecorded: boolean
}

/**
 * Re-hashes every published version (of the given villages, or all) and compares it with the record
 * the audit chain kept when it was published. The row's own contentHash column is checked too, but
 * the chain is what an altered row cannot follow: its entries are linked and verified by
 * AuditService.verify. `signal` stops it between batches (the client of the request went away).
 */
export async function checkNoticeVersions(
  repo: NoticeVersionsRepository,
  villageIds: number[] | null,
  m?: EntityManager,
  signal?: AbortSignal,
): Promise<{ checked: number; mismatches: VersionMismatch[] }> {
  if (villageIds !== null && villageIds.length === 0) return { checked: 0, mismatches: [] }
  const mismatches: VersionMismatch[] = []
  let checked = 0
  let after = 0
  for (;;) {
    // a request whose client left stops between batches
    signal?.throwIfAborted()
    const batch = await repo.batchAfter(after, villageIds, BATCH, m)
    if (batch.length === 0) break
    const entries = (
      await repo.entriesAbout(
        batch.map((v) => v.id),
        m,
      )
    ).filter((e) => (VERSION_ACTIONS as readonly string[]).includes(e.action))
    const recorded = new Map(entries.map((e) => [e.targetId, e]))
    for (const v of batch) {
      checked++
      after = v.id
      const entry = recorded.get(String(v.id))
      if (!entry || !recordsOneOf(entry, versionRecords(v)) || v.contentHash !== noticeContentHash(v))
        mismatches.push({
          noticeId: v.noticeId,
          version: v.version,
          villageId: v.villageId,
          code: 'NOTICE_CHANGED',
          seq: entry ? Number(entry.seq) : 0,
          versionId: v.id,
          unrecorded: !entry,
        })
    }
  }
  return { checked, mismatches }
}

/** Version entries whose row is gone. */
async function deletedVersion(m: EntityManager, entries: Recorded[]): Promise<ContentProblem | null> {
  for (let i = 0; i < entries.length; i += BATCH) {
    const slice = entries.slice(i, i + BATCH)
    const present = await versionsOn(m).existing(
      slice.map((e) => Number(e.targetId)),
      m,
    )
    const gone = slice.find((e) => !present.has(Number(e.targetId)))
    if (gone)
      return {
        seq: gone.seq,
        problem: `第 ${gone.seq} 条留痕记录的公告版本（notice_version ${gone.targetId}）已不存在，可能被删除`,
        table: 'notice_version',
        recordId: gone.targetId,
      }
  }
  return null
}

/**
 * What is wrong with one live notice row, given its versions (in order) and the entries about it, or
 * null. A published notice must be backed by its versions, carry the latest one's content, and keep
 * the period, audience and opinion the chain recorded.
 */
function liveRowProblem(
  n: PublicNotice,
  versions: NoticeVersion[],
  firstForm: 'current' | 'legacy' | null,
  entries: {
    publication: Recorded | undefined
    ended: Recorded | undefined
    opinion: Recorded | undefined
  },
): { seq: number; problem: string } | null {
  const label = `第 ${n.id} 号公告（public_notice ${n.id}）`
  if (!isPublished(n)) {
    if (versions.length > 0) return { seq: 0, problem: `${label}已经公开过，却被改回了未公开的状态` }
    return null
  }
  const latest = versions.at(-1)
  if (!latest) return { seq: 0, problem: `${label}没有任何公开版本的存档，可能是私自添加的` }
  if (versions.some((v, i) => v.version !== i + 1) || n.version !== latest.version)
    return { seq: 0, problem: `${label}的版本号与存档的版本对不上` }
  if (!rowMatchesVersion(n, latest))
    return { seq: 0, problem: `${label}的标题、正文或附件与第 ${latest.version} 版存档不一致` }
  const { publication, ended, opinion } = entries
  // an opinion given after publication has its own entry; one given on approval is in the publication's
  if (opinion && opinion.afterDigest !== digest(opinionRecord(n.supervisionOpinion)))
    return { seq: opinion.seq, problem: `${label}的监督委员会意见与留痕记录不一致` }
  if (publication) {
    if (publication.afterDigest !== digest(publicationRecord(n, opinion ? null : n.supervisionOpinion)))
      return {
        seq: publication.seq,
        problem: `${label}的公示期、范围、类别或监督意见与公开时的存档不一致`,
      }
  } else if (firstForm === 'current')
    // published since publications are recorded, yet no record of it: only possible behind our back
    return { seq: 0, problem: `${label}缺少公开时的存档记录` }
  if ((n.state === 'ended') !== Boolean(ended))
    return { seq: ended?.seq ?? 0, problem: `${label}的公示状态与留痕记录不一致` }
  return null
}

/**
 * The audit verifier's check of notices (the server and the command line register it): every
 * version against its record, every recorded version still there, and every live row against its
 * versions and the facts recorded when it was published.
 */
export const noticesCheck: ContentCheck = async (m) => {
  const repo = versionsOn(m)
  const versionsReport = await checkNoticeVersions(repo, null, m)
  const first = versionsReport.mismatches[0]
  if (first)
    return {
      seq: first.seq,
      problem: first.unrecorded
        ? `第 ${first.noticeId} 号公告的第 ${first.version} 版（notice_version ${first.versionId}）没有留痕记录，可能是私自添加的`
        : `第 ${first.noticeId} 号公告的第 ${first.version} 版（notice_version ${first.versionId}）内容与留痕时不一致，可能被改动过`,
      table: 'notice_version',
      recordId: first.versionId,
    }
  const versionEntries = await recordedEntries(m, VERSION_ACTIONS)
  const gone = await deletedVersion(m, versionEntries)
  if (gone) return gone
  const entryOfVersion = new Map(versionEntries.map((e) => [e.targetId, e]))

  const others = await recordedEntries(m, [PUBLICATION_ACTION, PERIOD_ENDED_ACTION, OPINION_ACTION])
  const about = byTarget(others.filter((e) => e.targetType === 'public_notice'))
  const last = (id: number, action: string) =>
    about
      .get(String(id))
      ?.filter((e) => e.action === action)
      .at(-1)

  // every notice a version or a publication record names must still exist
  const named = new Map<number, number>()
  for (const [id, list] of about)
    if (list.some((e) => e.action === PUBLICATION_ACTION)) named.set(Number(id), list[0]!.seq)
  for (const noticeId of await repo.noticesWithVersions(m)) if (!named.has(noticeId)) named.set(noticeId, 0)

  let after = 0
  for (;;) {
    const rows = await repo.noticesAfter(after, BATCH, m)
    if (rows.length === 0) break
    after = rows[rows.length - 1]!.id
    const versions = await repo.ofNotices(
      rows.map((n) => n.id),
      m,
    )
    for (const n of rows) {
      named.delete(n.id)
      const mine = versions.filter((v) => v.noticeId === n.id)
      const v1 = mine[0]
      const v1Entry = v1 ? entryOfVersion.get(String(v1.id)) : undefined
      const firstForm =
        v1 && v1Entry ? (v1Entry.afterDigest === digest(versionRecords(v1)[0]) ? 'current' : 'legacy') : null
      const found = liveRowProblem(n, mine, firstForm, {
        publication: last(n.id, PUBLICATION_ACTION),
        ended: last(n.id, PERIOD_ENDED_ACTION),
        opinion: last(n.id, OPINION_ACTION),
      })
      if (found) return { ...found, table: 'public_notice', recordId: n.id }
    }
  }
  const [missing] = named
  if (missing)
    return {
      seq: missing[1],
      problem: `第 ${missing[0]} 号公告（public_notice ${missing[0]}）已经公开过，现在却不存在了，可能被删除`,
      table: 'public_notice',
      recordId: missing[0],
    }
  return null
}
