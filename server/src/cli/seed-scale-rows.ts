/**
 * The rows of pnpm seed:scale (server/src/cli/seed-scale.ts): issues and notices of one village as the
 * app writes them, notices with their versions and their entries on the village's audit chain.
 */
import type { Pool } from 'mysql2/promise'
import { DEFAULT_GRIEVANCE_CATEGORIES, NOTICE_CATEGORIES, type GrievanceState } from '@xiangli/shared'
import { digest, entryHash } from '../core/audit/audit.service'
import type { NoticeVersion } from '../modules/notices/entities/notice-version.entity'
import type { PublicNotice } from '../modules/notices/entities/public-notice.entity'
import {
  PERIOD_ENDED_ACTION,
  PUBLICATION_ACTION,
  VERSION_TARGET,
  noticeContentHash,
  publicationRecord,
  versionRecords,
} from '../modules/notices/notice-records'
import { snapshot } from '../modules/notices/notices.rules'

const CHUNK = 1000
const DAY = 86_400_000
const SPAN_DAYS = 730

/** A village's audit chain as the seeder extends it. */
export interface Chain {
  id: number
  link: number
  hash: string
  fresh: boolean
}

/**
 * Inserts rows in chunks of multi-row INSERTs; returns their ids in order. One statement's ids are
 * consecutive (a simple insert reserves them at once), chunks of several seeders at once are not.
 */
export async function insertRows(
  pool: Pool,
  table: string,
  cols: string[],
  rows: unknown[][],
): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK)
    const sql = `INSERT INTO \`${table}\` (${cols.map((c) => `\`${c}\``).join(',')}) VALUES ?`
    const [res] = (await pool.query(sql, [part])) as unknown as [{ insertId: number }]
    part.forEach((_, k) => ids.push(res.insertId + k))
  }
  return ids
}

/** Old items are settled; the newest are still being handled, a few of them past their time. */
function stateAt(i: number, ageDays: number): GrievanceState {
  if (ageDays > 30) return (['closed', 'closed', 'answered', 'closed', 'declined'] as const)[i % 5]!
  return (['submitted', 'accepted', 'assigned', 'answered', 'reopened', 'escalated', 'returned'] as const)[
    i % 7
  ]!
}

const TITLES = ['路灯不亮', '垃圾没人清', '水管漏水', '道路坑洼', '邻居占道', '低保咨询', '河道淤积']
const seconds = (t: number) => new Date(Math.floor(t / 1000) * 1000)

/** `count` issues raised by the village's people over two years, oldest first (ids follow time). */
export async function scaleIssues(pool: Pool, villageId: number, people: number[], count: number) {
  const now = Date.now()
  const rows: unknown[][] = []
  for (let i = 0; i < count; i++) {
    const created = now - SPAN_DAYS * DAY + Math.floor(((i + 0.5) / count) * SPAN_DAYS * DAY)
    const age = (now - created) / DAY
    const state = stateAt(i, age)
    const open = !['closed', 'answered', 'declined', 'escalated'].includes(state)
    const answered = ['answered', 'closed'].includes(state)
    const raiser = people[i % people.length] ?? null
    rows.push([
      villageId,
      null,
      raiser,
      `村民${i % 1000}`,
      DEFAULT_GRIEVANCE_CATEGORIES[i % DEFAULT_GRIEVANCE_CATEGORIES.length],
      `${TITLES[i % TITLES.length]}（第${i + 1}件）`,
      '家门口这件事已经好几天了，希望村里看一看，尽快安排人处理。',
      '[]',
      i % 4 === 0 ? 'committee' : 'public',
      state,
      open ? seconds(created + (i % 3 === 0 ? 3 : 10) * DAY) : null,
      answered ? seconds(created + 2 * DAY) : null,
      answered ? 2880 + (i % 600) : null,
      state === 'closed' ? seconds(created + 5 * DAY) : null,
      state === 'escalated' ? seconds(created + 8 * DAY) : null,
      state === 'closed' ? 3 + (i % 3) : null,
      new Date(created),
    ])
  }
  await insertRows(
    pool,
    'grievance',
    [
      'villageId',
      'raiserAccountId',
      'raiserResidentId',
      'raiserName',
      'category',
      'title',
      'text',
      'photoIds',
      'visibility',
      'state',
      'dueAt',
      'answeredAt',
      'answerMinutes',
      'closedAt',
      'escalatedAt',
      'rating',
      'createdAt',
    ],
    rows,
  )
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10)

/**
 * `count` published notices over two years, each with its version 1 and the entries publishing it
 * on the village's chain (and archiving it when its seven days are over); `reader` has read every
 * other one.
 */
export async function scaleNotices(
  pool: Pool,
  villageId: number,
  chain: Chain,
  count: number,
  reader: number | null,
): Promise<void> {
  const now = Date.now()
  const notices: PublicNotice[] = []
  for (let i = 0; i < count; i++) {
    const published = seconds(now - SPAN_DAYS * DAY + Math.floor(((i + 0.5) / count) * SPAN_DAYS * DAY))
    const end = published.getTime() + 6 * DAY
    notices.push({
      villageId,
      category: NOTICE_CATEGORIES[i % NOTICE_CATEGORIES.length]!,
      title: `第${i + 1}号公告：${['村务', '党务', '财务'][i % 3]}公开`,
      body: '现将有关事项公开如下，请村民监督。如有疑问，请在公示期内提出。',
      lines: null,
      totals: null,
      attachmentIds: [],
      state: end < now ? 'ended' : 'published',
      version: 1,
      publishedAt: published,
      periodStart: isoDay(published.getTime()),
      periodEnd: isoDay(end),
      pinned: false,
      requiresAck: false,
      major: false,
      coversPeriod: null,
      deliberationId: null,
      resolutionNoticeId: null,
      audienceGroupId: null,
      supervisionOpinion: null,
      createdAt: published,
    } as unknown as PublicNotice)
  }
  for (let i = 0; i < notices.length; i += CHUNK) {
    const part = notices.slice(i, i + CHUNK)
    const noticeIds = await insertRows(
      pool,
      'public_notice',
      [
        'villageId',
        'category',
        'title',
        'body',
        'attachmentIds',
        'state',
        'version',
        'publishedAt',
        'periodStart',
        'periodEnd',
        'createdAt',
      ],
      part.map((n) => [
        n.villageId,
        n.category,
        n.title,
        n.body,
        '[]',
        n.state,
        1,
        n.publishedAt,
        n.periodStart,
        n.periodEnd,
        n.createdAt,
      ]),
    )
    part.forEach((n, k) => (n.id = noticeIds[k]!))
    const versions = part.map(
      (n) =>
        ({
          noticeId: n.id,
          villageId,
          version: 1,
          title: n.title,
          body: n.body,
          lines: null,
          totals: null,
          attachments: [],
          reason: null,
          createdByName: '张丽',
          createdAt: n.publishedAt,
        }) as unknown as NoticeVersion,
    )
    const versionIds = await insertRows(
      pool,
      'notice_version',
      [
        'noticeId',
        'villageId',
        'version',
        'title',
        'body',
        'attachments',
        'contentHash',
        'createdByName',
        'createdAt',
      ],
      versions.map((v) => [
        v.noticeId,
        villageId,
        1,
        v.title,
        v.body,
        '[]',
        noticeContentHash(v),
        v.createdByName,
        v.createdAt,
      ]),
    )
    versions.forEach((v, k) => (v.id = versionIds[k]!))
    const entries: unknown[][] = []
    const append = (action: string, targetType: string, targetId: number, after: unknown, at: Date) => {
      const f = {
        chain: chain.id,
        link: chain.link + 1,
        actorAccountId: null,
        actorName: '张丽',
        actorRole: 'committee_member',
        orgId: villageId,
        action,
        targetType,
        targetId: String(targetId),
        beforeDigest: null,
        afterDigest: digest(after),
        at: at.toISOString(),
        prevHash: chain.hash,
      }
      const hash = entryHash(f)
      entries.push([
        f.chain,
        f.link,
        f.actorAccountId,
        f.actorName,
        f.actorRole,
        f.orgId,
        f.action,
        f.targetType,
        f.targetId,
        f.beforeDigest,
        f.afterDigest,
        f.at,
        f.prevHash,
        hash,
      ])
      chain.link = f.link
      chain.hash = hash
    }
    part.forEach((n, k) => {
      append(
        'notice.version_published',
        VERSION_TARGET,
        versions[k]!.id,
        versionRecords(versions[k]!)[0],
        n.publishedAt!,
      )
      append(PUBLICATION_ACTION, 'public_notice', n.id, publicationRecord(n, null), n.publishedAt!)
      if (n.state === 'ended')
        append(
          PERIOD_ENDED_ACTION,
          'public_notice',
          n.id,
          snapshot(n),
          new Date(n.publishedAt!.getTime() + 7 * DAY),
        )
    })
    await insertRows(
      pool,
      'audit_entry',
      [
        'chain',
        'link',
        'actorAccountId',
        'actorName',
        'actorRole',
        'orgId',
        'action',
        'targetType',
        'targetId',
        'beforeDigest',
        'afterDigest',
        'at',
        'prevHash',
        'hash',
      ],
      entries,
    )
    if (reader !== null)
      await insertRows(
        pool,
        'notice_read',
        ['noticeId', 'accountId', 'version', 'readAt'],
        part.filter((_, k) => k % 2 === 0).map((n) => [n.id, reader, 1, n.publishedAt]),
      )
  }
}
