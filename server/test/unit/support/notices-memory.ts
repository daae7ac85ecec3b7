import type { ContentCheckService } from '../../../src/modules/content-check/content-check.service'
import type { EntityManager } from 'typeorm'
import { DRAFT_STATES, PUBLISHED_STATES } from '../../../src/modules/notices/notices.rules'
import { defaultVillageSettings, type NoticeCategory, type Role, type VillageSettings } from '@xiangli/shared'
import type { AuditEvent, AuditService } from '../../../src/core/audit/audit.service'
import type { ActingContext } from '../../../src/core/auth/current.decorator'
import type { Clock } from '../../../src/core/clock/clock'
import type { StoredFile } from '../../../src/core/files/entities/stored-file.entity'
import type { FilesService } from '../../../src/core/files/files.service'
import type { TxService } from '../../../src/core/tx/tx.service'
import type { NotifyService } from '../../../src/modules/inbox/notify.service'
import type { NoticeAck } from '../../../src/modules/notices/entities/notice-ack.entity'
import type { NoticeObjection } from '../../../src/modules/notices/entities/notice-objection.entity'
import type { NoticeSettingsRow } from '../../../src/modules/notices/entities/notice-settings.entity'
import type { NoticeVersion } from '../../../src/modules/notices/entities/notice-version.entity'
import type { PublicNotice } from '../../../src/modules/notices/entities/public-notice.entity'
import type { NoticeReadMarks } from '../../../src/modules/notices/notice-read-marks.repository'
import type { NoticeVersionsRepository } from '../../../src/modules/notices/notice-versions.repository'
import type { NoticesRepository } from '../../../src/modules/notices/notices.repository'
import type { ObjectionsRepository } from '../../../src/modules/notices/objections.repository'
import { NoticeContentCheck } from '../../../src/modules/notices/use-cases/notice-content-check'
import { NoticeReads } from '../../../src/modules/notices/use-cases/notice-reads'
import { NoticeSteps } from '../../../src/modules/notices/use-cases/notice-steps'
import { ObjectionReads } from '../../../src/modules/notices/use-cases/objection-reads'
import type { OrgsService } from '../../../src/modules/orgs/orgs.service'
import type { RoleHolders } from '../../../src/modules/roles/role-holders'
import type { RosterDirectory } from '../../../src/modules/roster/roster-directory'
import { viewerWith } from './viewer'

export const VILLAGE = 7
export const TOWNSHIP = 3
export const DAY = 86_400_000

/** A clock the test sets and lets pass. */
export class TestClock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at)
  }
  advance(ms: number): Date {
    this.at = new Date(this.at.getTime() + ms)
    return this.now()
  }
}

/** The tables the notice module writes, kept in memory; a transaction that throws leaves them as they were. */
interface Tables {
  notices: PublicNotice[]
  versions: NoticeVersion[]
  objections: NoticeObjection[]
  acks: NoticeAck[]
  reads: string[]
  settings: NoticeSettingsRow[]
  files: StoredFile[]
}

const copy = <T>(x: T): T => structuredClone(x)
const M = {} as EntityManager

/** Everything the notice use cases touch, in memory: the repositories and the services around them. */
export function memoryNotices(opts: { now: Date; settings?: Partial<VillageSettings['publicity']> }) {
  const clock = new TestClock(opts.now)
  let db: Tables = { notices: [], versions: [], objections: [], acks: [], reads: [], settings: [], files: [] }
  let seq = 0
  const audit: AuditEvent[] = []
  const told: { kind: string; accountIds: number[]; orgId: number | null }[] = []
  const base = defaultVillageSettings('village')
  const village = {
    id: VILLAGE,
    kind: 'village' as const,
    name: '柳林村',
    parentId: TOWNSHIP,
    createdAt: new Date('2026-02-10T02:00:00Z'),
    settings: { ...base, publicity: { ...base.publicity, ...opts.settings } } as VillageSettings,
  }

  const tx = {
    run: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      const before = copy(db)
      const entries = audit.length
      try {
        return await work(M)
      } catch (e) {
        db = before
        audit.length = entries
        throw e
      }
    },
  } as unknown as TxService

  const notices = {
    find: async (villageId: number, id: number) =>
      copy(db.notices.find((n) => n.id === id && n.villageId === villageId) ?? null),
    findById: async (id: number) => copy(db.notices.find((n) => n.id === id) ?? null),
    findByIds: async (ids: number[]) => copy(db.notices.filter((n) => ids.includes(n.id))),
    findOf: async (_m: unknown, villageId: number, id: number, deliberationId?: number) =>
      copy(
        db.notices.find(
          (n) =>
            n.id === id &&
            n.villageId === villageId &&
            (deliberationId === undefined || n.deliberationId === deliberationId),
        ) ?? null,
      ),
    insert: async (_m: unknown, row: Omit<PublicNotice, 'id' | 'createdAt'>) => {
      const n = { ...copy(row), id: ++seq, createdAt: clock.now() } as PublicNotice
      db.notices.push(copy(n))
      return n
    },
    save: async (_m: unknown, n: PublicNotice) => {
      db.notices = db.notices.map((x) => (x.id === n.id ? copy(n) : x))
    },
    stored: async (_m: unknown, id: number) => copy(db.notices.find((n) => n.id === id)!),
    nextShownSeq: async (_m: unknown, villageId: number) =>
      Math.max(0, ...db.notices.filter((n) => n.villageId === villageId).map((n) => n.shownSeq ?? 0)) + 1,
    markRead: async (noticeId: number, accountId: number, version: number) => {
      db.reads.push(`${noticeId}/${accountId}/${version}`)
    },
    acknowledged: async (noticeId: number, householdId: number) =>
      db.acks.some((x) => x.noticeId === noticeId && x.householdId === householdId),
    settings: async (villageId: number) => copy(db.settings.find((s) => s.villageId === villageId) ?? null),
    saveSettings: async (_m: unknown, row: NoticeSettingsRow) => {
      db.settings = [...db.settings.filter((s) => s.villageId !== row.villageId), copy(row)]
    },
    calendarPublications: async (villageId: number) =>
      copy(
        db.notices.filter(
          (n) =>
            n.villageId === villageId &&
            PUBLISHED_STATES.includes(n.state) &&
            (['village', 'finance'] as NoticeCategory[]).includes(n.category),
        ),
      ),
    pendingMajors: async (villageId: number) =>
      copy(db.notices.filter((n) => n.villageId === villageId && DRAFT_STATES.includes(n.state) && n.major)),
    storedFiles: async (ids: number[]) => copy(db.files.filter((f) => ids.includes(f.id))),
    filesOnNotice: async (_m: unknown, ids: number[], noticeId: number) =>
      db.files
        .filter((f) => ids.includes(f.id) && f.attachedType === 'notice' && f.attachedId === noticeId)
        .map((f) => f.id),
  }

  const versions = {
    insert: async (_m: unknown, row: Omit<NoticeVersion, 'id'>) => {
      const v = { ...copy(row), id: ++seq } as NoticeVersion
      db.versions.push(copy(v))
      return v
    },
    ofNotice: async (noticeId: number) =>
      copy(db.versions.filter((v) => v.noticeId === noticeId).sort((a, b) => b.version - a.version)),
    latestOf: async (ids: number[]) => {
      const latest = new Map<number, NoticeVersion>()
      for (const v of db.versions)
        if (ids.includes(v.noticeId) && (latest.get(v.noticeId)?.version ?? 0) < v.version)
          latest.set(v.noticeId, copy(v))
      return latest
    },
  }

  const objections = {
    find: async (villageId: number, id: number) =>
      copy(db.objections.find((o) => o.id === id && o.villageId === villageId) ?? null),
    findById: async (id: number) => copy(db.objections.find((o) => o.id === id) ?? null),
    insert: async (_m: unknown, row: Omit<NoticeObjection, 'id'>) => {
      const o = { ...copy(row), id: ++seq } as NoticeObjection
      db.objections.push(copy(o))
      return o
    },
    save: async (_m: unknown, o: NoticeObjection) => {
      db.objections = db.objections.map((x) => (x.id === o.id ? copy(o) : x))
    },
    countsByNotice: async (ids: number[]) =>
      new Map(ids.map((id) => [id, db.objections.filter((o) => o.noticeId === id).length])),
  }

  const files = {
    attach: async (
      _m: unknown,
      ids: number[],
      owner: { villageId: number; accountId: number },
      to: { type: string; id: number },
    ) => {
      const mine = db.files.filter(
        (f) =>
          ids.includes(f.id) &&
          f.villageId === owner.villageId &&
          f.uploaderAccountId === owner.accountId &&
          f.attachedType === null,
      )
      for (const f of mine) Object.assign(f, { attachedType: to.type, attachedId: to.id })
      return mine.length === ids.length
    },
    signedUrl: (id: number) => `/api/files/${id}?signed`,
  } as unknown as FilesService

  const orgs = {
    village: async () => village,
    names: async (ids: number[]) =>
      new Map(ids.filter((id) => id === VILLAGE).map((id) => [id, village.name])),
    viewsOf: async () => [],
    villagesOf: async () => [{ id: VILLAGE, name: village.name }],
  } as unknown as OrgsService

  /** Who holds what, by organisation: account ids. */
  const holders: Partial<Record<Role, number[]>> = {
    committee_member: [10],
    supervisor: [20],
    township_official: [30],
  }
  const roles = {
    accountsHolding: async (_org: number, wanted: readonly Role[]) => wanted.flatMap((r) => holders[r] ?? []),
  } as unknown as RoleHolders
  /** The village's people: roster id → account, name, household and group. */
  const people = new Map([
    [101, { accountId: 41, name: '王秀英', householdId: 2, groupId: 1 }],
    [102, { accountId: 42, name: '刘长青', householdId: 3, groupId: 2 }],
  ])
  const roster = {
    person: async (_v: number, id: number) => {
      const p = people.get(id)
      return p ? { id, villageId: VILLAGE, name: p.name, accountId: p.accountId } : null
    },
    householdOf: async (_v: number, id: number) => {
      const p = people.get(id)
      return p
        ? { residentId: id, residentName: p.name, householdId: p.householdId, groupId: p.groupId }
        : null
    },
    accountsOf: async () => [...people.values()].map((p) => p.accountId),
  } as unknown as RosterDirectory
  const notify = {
    notify: async (_m: unknown, n: { kind: string; accountIds: number[]; orgId: number | null }) => {
      told.push({ kind: n.kind, accountIds: n.accountIds, orgId: n.orgId })
    },
  } as unknown as NotifyService
  const auditService = {
    append: async (_m: unknown, e: AuditEvent) => {
      audit.push(copy(e))
    },
  } as unknown as AuditService

  const repos = {
    notices: notices as unknown as NoticesRepository,
    versions: versions as unknown as NoticeVersionsRepository,
    objections: objections as unknown as ObjectionsRepository,
  }
  const c = clock as unknown as Clock
  const steps = new NoticeSteps(repos.notices, tx, auditService, notify, files, orgs, roles, roster)
  // no WeChat app: the content check shows everything (its own tests drive the real one)
  const checks = {
    initial: () => 'shown',
    submit: async () => undefined,
    settle: async () => undefined,
    reasons: async () => new Map<number, string>(),
    register: () => undefined,
  } as unknown as ContentCheckService
  const reads = new NoticeReads(
    repos.notices,
    repos.versions,
    repos.objections,
    files,
    orgs,
    roster,
    c,
    checks,
    // the unread count's watermark is a database read: the integration tests drive it
    { of: async () => null, raise: async () => undefined } as unknown as NoticeReadMarks,
  )
  const noticeCheck = new NoticeContentCheck(repos.notices, repos.versions, steps, checks)
  const objectionReads = new ObjectionReads(repos.objections, repos.notices, reads, files, orgs, c, checks)

  /** A caller of the village: the 两委's 张丽 (10), the supervisor (20), residents 王秀英 (41) and 刘长青 (42). */
  const as = (who: 'committee' | 'supervisor' | 'wang' | 'liu'): ActingContext => {
    const [accountId, role, residentId] = (
      {
        committee: [10, 'committee_member', null],
        supervisor: [20, 'supervisor', null],
        wang: [41, 'resident', 101],
        liu: [42, 'resident', 102],
      } as const
    )[who]
    const viewer = viewerWith(
      { [VILLAGE]: [role] },
      { accountId, residentIn: residentId ? { [VILLAGE]: residentId } : {} },
    )
    return {
      principal: viewer.principal,
      viewer,
      villageId: VILLAGE,
      role,
      actor: { accountId, name: viewer.name, role },
    }
  }

  /** A file uploaded by an account, not yet on anything. */
  const upload = (accountId: number, sha256: string): number => {
    const id = ++seq
    db.files.push({
      id,
      villageId: VILLAGE,
      uploaderAccountId: accountId,
      sha256,
      mime: 'application/pdf',
      size: 100,
      attachedType: null,
      attachedId: null,
    } as unknown as StoredFile)
    return id
  }

  return {
    clock,
    village,
    tx,
    audit,
    told,
    tables: () => db,
    repos,
    services: { files, orgs, roles, roster, notify, audit: auditService, clock: c, checks, noticeCheck },
    steps,
    reads,
    objectionReads,
    as,
    upload,
  }
}
