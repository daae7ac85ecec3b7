import type { ProxyGate } from '../../../src/modules/proxy/proxy-gate'
import type { EntityManager } from 'typeorm'
import type { Role } from '@xiangli/shared'
import { digest, type AuditEvent, type AuditService } from '../../../src/core/audit/audit.service'
import type { Recorded } from '../../../src/core/audit/recorded'
import type { ActingContext } from '../../../src/core/auth/current.decorator'
import type { Clock } from '../../../src/core/clock/clock'
import type { AppConfig } from '../../../src/core/config/config'
import type { FieldCrypto } from '../../../src/core/crypto/field-crypto.service'
import type { OrgDirectory } from '../../../src/core/access/org-directory'
import type { FilesService } from '../../../src/core/files/files.service'
import type { TxService } from '../../../src/core/tx/tx.service'
import type { CertificatePdfStore } from '../../../src/modules/certificates/certificate-pdf-store'
import type {
  CertificatesRepository,
  NewRequest,
  NewSealLine,
} from '../../../src/modules/certificates/certificates.repository'
import type { CertificateRequest } from '../../../src/modules/certificates/entities/certificate-request.entity'
import type { SealUseRecord } from '../../../src/modules/certificates/entities/seal-use-record.entity'
import { CertificateApproval } from '../../../src/modules/certificates/use-cases/approval'
import { CertificateCatalogue } from '../../../src/modules/certificates/use-cases/catalogue'
import { CertificateIssuing } from '../../../src/modules/certificates/use-cases/issuing'
import { PublicCheck } from '../../../src/modules/certificates/use-cases/public-check'
import { CertificateReads } from '../../../src/modules/certificates/use-cases/request-reads'
import { RequestSteps } from '../../../src/modules/certificates/use-cases/request-steps'
import { ResidentRequests } from '../../../src/modules/certificates/use-cases/resident-requests'
import { CertificateRevocation } from '../../../src/modules/certificates/use-cases/revocation'
import type { NotifyService } from '../../../src/modules/inbox/notify.service'
import type { OrgsService } from '../../../src/modules/orgs/orgs.service'
import type { RoleHolders } from '../../../src/modules/roles/role-holders'
import type { RosterDirectory } from '../../../src/modules/roster/roster-directory'
import { viewerWith } from './viewer'

export const VILLAGE = { id: 7, name: '柳林村', code: '330106101201' }
/** roster names by resident id */
const ROSTER: Record<number, string> = { 101: '王秀英', 102: '张丽', 103: '李建华' }
const m = {} as EntityManager
const copy = <T>(x: T): T => structuredClone(x)

/**
 * The module's tables in memory. Transactions run one at a time, as on SQLite, and one that throws
 * leaves the tables as they were, as a rollback does; `deadlocks` makes that many of the next
 * transactions that take a number end in a MySQL deadlock after their work ran.
 */
export class FakeCertificates {
  requests = new Map<number, CertificateRequest>()
  lines: SealUseRecord[] = []
  counters = new Map<string, number>()
  entries: (Recorded & { after: unknown })[] = []
  deadlocks = 0
  private numbered = false
  private queue: Promise<unknown> = Promise.resolve()

  readonly tx = {
    run: <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      const next = this.queue.then(async () => {
        const saved = this.save()
        this.numbered = false
        try {
          const out = await work(m)
          if (this.numbered && this.deadlocks > 0) {
            this.deadlocks--
            throw Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 })
          }
          return out
        } catch (e) {
          this.restore(saved)
          throw e
        }
      })
      this.queue = next.catch(() => undefined)
      return next
    },
  }

  readonly audit = {
    append: async (_: EntityManager, e: AuditEvent) => {
      this.entries.push({
        seq: this.entries.length + 1,
        action: e.action,
        targetType: e.targetType,
        targetId: String(e.targetId),
        afterDigest: digest(e.after),
        after: e.after,
      })
    },
  }

  readonly repo: Partial<CertificatesRepository> = {
    overrides: async () => ({ region: null, village: null }),
    insert: async (_, row: NewRequest) => {
      const r = {
        ...row,
        id: this.requests.size + 1,
        createdAt: row.createdAt ?? new Date(),
      } as CertificateRequest
      this.requests.set(r.id, copy(r))
      return copy(r)
    },
    find: async (villageId, id) => this.row((r) => r.id === id && r.villageId === villageId),
    findById: async (id) => this.row((r) => r.id === id),
    byNumber: async (number) => this.row((r) => r.number === number),
    locked: async (_, villageId, id) => this.row((r) => r.id === id && r.villageId === villageId),
    update: async (_, id, changes) => {
      this.requests.set(id, { ...this.requests.get(id)!, ...copy(changes) })
    },
    ensureCounter: async (_, villageId, year) => {
      const key = `${villageId}/${year}`
      if (!this.counters.has(key)) this.counters.set(key, 0)
    },
    nextSequence: async (_, villageId, year) => {
      const key = `${villageId}/${year}`
      const last = this.counters.get(key)
      if (last === undefined) throw new Error(`certificate counter missing for ${key}`)
      this.numbered = true
      this.counters.set(key, last + 1)
      return last + 1
    },
    insertSealLine: async (_, line: NewSealLine) => {
      this.lines.push({ ...copy(line), id: this.lines.length + 1 })
    },
    issued: async (_, requestId) => ({
      r: copy(this.requests.get(requestId)!),
      line: copy(this.lines.find((l) => l.requestId === requestId)!),
    }),
    entriesAbout: async (id, actions) =>
      this.entries.filter(
        (e) =>
          e.targetType === 'certificate_request' && e.targetId === String(id) && actions.includes(e.action),
      ),
  }

  private row(match: (r: CertificateRequest) => boolean): CertificateRequest | null {
    const found = [...this.requests.values()].find(match)
    return found ? copy(found) : null
  }

  private save() {
    return copy({
      requests: this.requests,
      lines: this.lines,
      counters: this.counters,
      entries: this.entries,
    })
  }

  private restore(s: ReturnType<FakeCertificates['save']>) {
    Object.assign(this, s)
  }
}

/** A person of the village, as the request sees them acting. */
export function acting(accountId: number, roles: Role[], residentId?: number): ActingContext {
  const viewer = viewerWith(
    { [VILLAGE.id]: roles },
    { accountId, residentIn: residentId ? { [VILLAGE.id]: residentId } : {} },
  )
  return {
    principal: viewer.principal,
    viewer,
    villageId: VILLAGE.id,
    role: roles[0]!,
    actor: { accountId, name: `账号${accountId}`, role: roles[0]! },
  }
}

/** The certificate use cases over the fake tables, with a clock of their own. */
export function certificateWorld(now = new Date('2026-03-05T02:00:00Z')) {
  const db = new FakeCertificates()
  let at = now.getTime()
  const clock = {
    now: () => new Date(at),
    advance: (ms: number) => new Date((at += ms)),
  } as unknown as Clock
  const repo = db.repo as CertificatesRepository
  const tx = db.tx as unknown as TxService
  const audit = db.audit as unknown as AuditService
  const notify = { notify: async () => undefined } as unknown as NotifyService
  const files = {
    attach: async () => true,
    signedUrl: (id: number) => `/api/files/${id}`,
    registerAccess: () => undefined,
  } as unknown as FilesService
  const roles = { accountsHolding: async () => [] } as unknown as RoleHolders
  const crypto = {
    encrypt: (s: string) => `enc:${s}`,
    decrypt: (s: string) => s.replace(/^enc:/, ''),
  } as unknown as FieldCrypto
  const roster = {
    contact: async (villageId: number, id: number) => ({
      id,
      villageId,
      name: ROSTER[id] ?? `村民${id}`,
      phone: '13800138000',
    }),
    idNumber: async () => '330106198805011234',
  } as unknown as RosterDirectory
  const orgs = {
    village: async () => ({ ...VILLAGE, kind: 'village', parentId: 3, settings: {} }),
    names: async (ids: number[]) =>
      new Map(ids.filter((id) => id === VILLAGE.id).map((id) => [id, VILLAGE.name])),
  } as unknown as OrgsService
  const config = { publicBaseUrl: 'https://xiangli.example' } as AppConfig

  const steps = new RequestSteps(repo, tx, audit, notify, files, roles, crypto, clock, roster)
  const reads = new CertificateReads(repo, steps, files, {} as OrgDirectory, clock, config)
  const catalogue = new CertificateCatalogue(repo, orgs, tx, audit)
  const issuing = new CertificateIssuing(
    repo,
    steps,
    reads,
    roster,
    orgs,
    audit,
    crypto,
    {} as CertificatePdfStore,
  )
  return {
    db,
    clock,
    residents: new ResidentRequests(repo, steps, reads, catalogue, roster, tx, audit, clock, {} as ProxyGate),
    approval: new CertificateApproval(repo, steps, issuing, reads, catalogue, orgs, tx, clock),
    revocation: new CertificateRevocation(steps, reads),
    check: new PublicCheck(repo, orgs),
  }
}

export const RESIDENCE = {
  itemCode: 'residence',
  purpose: '孩子上小学报名',
  fields: { address: '一组 3 号', residentSince: '1988-05-01', tenure: '自有住房' },
  materialIds: [],
  copies: 1,
}
