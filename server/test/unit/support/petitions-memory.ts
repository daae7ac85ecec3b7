import type { FilesService } from '../../../src/core/files/files.service'
import type { EntityManager } from 'typeorm'
import type { ContentCheckService } from '../../../src/modules/content-check/content-check.service'
import type { PetitionListQuery, PetitionStatus, Residency, Role } from '@xiangli/shared'
import type { AuditEvent, AuditService } from '../../../src/core/audit/audit.service'
import type { ActingContext } from '../../../src/core/auth/current.decorator'
import type { TxService } from '../../../src/core/tx/tx.service'
import type { PetitionSignature } from '../../../src/modules/deliberations/entities/petition-signature.entity'
import type { Petition } from '../../../src/modules/deliberations/entities/petition.entity'
import type {
  NewPetition,
  NewSignature,
  PetitionsRepository,
} from '../../../src/modules/deliberations/petitions.repository'
import type { Tally } from '../../../src/modules/deliberations/petitions.rules'
import { PetitionConvening } from '../../../src/modules/deliberations/use-cases/petition-convening'
import { PetitionCounting } from '../../../src/modules/deliberations/use-cases/petition-counting'
import { PetitionReads } from '../../../src/modules/deliberations/use-cases/petition-reads'
import { PetitionSigning } from '../../../src/modules/deliberations/use-cases/petition-signing'
import { PetitionWithdrawal } from '../../../src/modules/deliberations/use-cases/petition-withdrawal'
import type { NotifyService } from '../../../src/modules/inbox/notify.service'
import type { RoleHolders } from '../../../src/modules/roles/role-holders'
import type { RosterDirectory, RosterStanding } from '../../../src/modules/roster/roster-directory'
import { viewerWith } from './viewer'

export const VILLAGE = 7
const M = {} as EntityManager

/** A person on the village's roster; `account` when they use the app, `roles` they hold in the village. */
export interface Person {
  id: number
  name: string
  householdId: number
  birthDate: string
  residency?: Residency
  account?: number
  roles?: Role[]
}

/**
 * The petition use cases over a village kept in memory: its roster, its role holders, and the
 * petition and signature tables (a transaction that throws leaves them as they were; a second
 * signature of one person is refused as the unique key refuses it).
 */
export function memoryPetitions(people: Person[]) {
  let db = { petitions: [] as Petition[], signatures: [] as PetitionSignature[] }
  const audit: AuditEvent[] = []
  const told: { kind: string; accountIds: number[]; title: string }[] = []

  const tx = {
    run: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      const before = structuredClone(db)
      try {
        return await work(M)
      } catch (e) {
        db = before
        throw e
      }
    },
  } as unknown as TxService

  const repo = {
    find: async (villageId: number, id: number) =>
      db.petitions.find((p) => p.id === id && p.villageId === villageId) ?? null,
    findIn: async (_m: EntityManager, villageId: number, id: number) =>
      db.petitions.find((p) => p.id === id && p.villageId === villageId) ?? null,
    insert: async (_m: EntityManager, row: NewPetition) => {
      const p = {
        ...row,
        moderation: row.moderation ?? 'shown',
        id: db.petitions.length + 1,
        createdAt: new Date(),
        updatedAt: new Date(),
      }
      db.petitions.push(p)
      return structuredClone(p)
    },
    page: async (villageId: number, q: PetitionListQuery, seer: { all: true } | { accountId: number }) => {
      const rows = db.petitions.filter(
        (p) =>
          p.villageId === villageId &&
          (!q.status || p.status === q.status) &&
          ('all' in seer || p.moderation === 'shown' || p.initiatorAccountId === seer.accountId),
      )
      return [rows.reverse(), rows.length] as [Petition[], number]
    },
    move: async (_m: EntityManager, id: number, from: PetitionStatus, set: Partial<Petition>) => {
      const p = db.petitions.find((x) => x.id === id && x.status === from)
      if (p) Object.assign(p, set)
      return Boolean(p)
    },
    insertSignature: async (_m: EntityManager, row: NewSignature) => {
      if (db.signatures.some((s) => s.petitionId === row.petitionId && s.residentId === row.residentId))
        throw Object.assign(new Error('duplicate'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })
      db.signatures.push({ ...row, id: db.signatures.length + 1, createdAt: new Date() })
    },
    countSignatures: async (petitionId: number) =>
      db.signatures.filter((s) => s.petitionId === petitionId).length,
    hasSigned: async (petitionId: number, residentId: number) =>
      db.signatures.some((s) => s.petitionId === petitionId && s.residentId === residentId),
    signatureCounts: async (ids: number[]) =>
      new Map(ids.map((id) => [id, db.signatures.filter((s) => s.petitionId === id).length])),
    // as the SQL aggregates count: adults, representatives, distinct households of adult signers
    tally: async (petitionId: number): Promise<Tally> => {
      const of = db.signatures.filter((s) => s.petitionId === petitionId)
      return {
        adults: of.filter((s) => s.asAdult).length,
        representatives: of.filter((s) => s.asRepresentative).length,
        households: new Set(of.filter((s) => s.asAdult).map((s) => s.householdId)).size,
      }
    },
    signerAccounts: async (_m: EntityManager, petitionId: number) =>
      db.signatures.filter((s) => s.petitionId === petitionId).map((s) => s.accountId),
    // no paper sheets in these tests
    sheets: async () => [],
  } as unknown as PetitionsRepository

  const roster = {
    standing: async (villageId: number, id: number): Promise<RosterStanding | null> => {
      const p = villageId === VILLAGE ? people.find((x) => x.id === id) : undefined
      return p
        ? {
            id: p.id,
            name: p.name,
            householdId: p.householdId,
            birthDate: p.birthDate,
            residency: p.residency ?? 'registered',
          }
        : null
    },
    adults: async (_v: number, bornBy: string, o: { registeredOnly: boolean }) =>
      people.filter(
        (p) => p.birthDate <= bornBy && (!o.registeredOnly || (p.residency ?? 'registered') === 'registered'),
      ).length,
    counts: async () => ({
      households: new Set(people.map((p) => p.householdId)).size,
      residents: people.length,
    }),
  } as unknown as RosterDirectory

  const roles = {
    residentHolds: async (_o: number, residentId: number, held: readonly Role[]) =>
      people.some((p) => p.id === residentId && (p.roles ?? []).some((r) => held.includes(r))),
    residentsHolding: async (_o: number, role: Role) =>
      people.filter((p) => (p.roles ?? []).includes(role)).length,
    accountsHolding: async (_o: number, held: readonly Role[]) =>
      people.filter((p) => p.account && (p.roles ?? []).some((r) => held.includes(r))).map((p) => p.account!),
  } as unknown as RoleHolders

  const auditService = {
    append: async (_m: EntityManager, e: AuditEvent) => void audit.push(e),
  } as unknown as AuditService
  const notify = {
    notify: async (_m: EntityManager, n: { kind: string; accountIds: number[]; title: string }) =>
      void told.push({ kind: n.kind, accountIds: [...new Set(n.accountIds)], title: n.title }),
  } as unknown as NotifyService

  const counting = new PetitionCounting(repo, roster, roles, auditService, notify)
  // no WeChat app: the content check shows everything (its own tests drive the real one)
  const checks = {
    initial: () => 'shown',
    submit: async () => undefined,
    settle: async () => undefined,
    reasons: async () => new Map<number, string>(),
    register: () => undefined,
  } as unknown as ContentCheckService
  const reads = new PetitionReads(repo, counting, checks, roster, {} as FilesService)
  const signing = new PetitionSigning(repo, counting, reads, tx, auditService, checks)
  const withdrawal = new PetitionWithdrawal(repo, reads, tx, auditService, notify)
  const convening = new PetitionConvening(repo, auditService, notify)

  /** The person with this roster id, acting in the village (their roles there, their account). */
  const as = (residentId: number): ActingContext => {
    const p = people.find((x) => x.id === residentId)!
    const roleList: Role[] = p.roles?.length ? p.roles : ['resident']
    const viewer = viewerWith(
      { [VILLAGE]: roleList },
      {
        accountId: p.account ?? 1000 + p.id,
        residentIn: { [VILLAGE]: p.id },
        orgs: [{ id: VILLAGE, kind: 'village', parentId: 3, name: '石桥村' }],
      },
    )
    return {
      principal: viewer.principal,
      viewer,
      villageId: VILLAGE,
      role: roleList[0]!,
      actor: { accountId: viewer.accountId, name: p.name, role: roleList[0]! },
    }
  }

  return { signing, reads, withdrawal, convening, counting, as, audit, told, petitions: () => db.petitions }
}
