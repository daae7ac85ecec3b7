import { idNumberCheckChar, type Role, type VerificationRequest as ClaimBody } from '@xiangli/shared'
import type { AuditEvent, AuditService } from '../../src/core/audit/audit.service'
import type { ActingContext } from '../../src/core/auth/current.decorator'
import type { Principal } from '../../src/core/auth/principal'
import type { FieldCrypto } from '../../src/core/crypto/field-crypto.service'
import { AppException } from '../../src/core/errors/app.exception'
import type { TxService } from '../../src/core/tx/tx.service'
import type { NoticeToSend, NotifyService } from '../../src/modules/inbox/notify.service'
import type { OrgsService } from '../../src/modules/orgs/orgs.service'
import type { PrivacyConsents } from '../../src/modules/privacy/privacy-consents'
import type { RoleHolders } from '../../src/modules/roles/role-holders'
import type { RosterDirectory, RosterMatch } from '../../src/modules/roster/roster-directory'
import type { VerificationRequest } from '../../src/modules/verification/entities/verification-request.entity'
import { ClaimDecisions } from '../../src/modules/verification/use-cases/claim-decisions'
import { ClaimReads } from '../../src/modules/verification/use-cases/claim-reads'
import { Claims } from '../../src/modules/verification/use-cases/claims'
import type { NewClaim, VerificationRepository } from '../../src/modules/verification/verification.repository'
import { viewerWith } from './support/viewer'

const VILLAGE = 7
const OTHER_VILLAGE = 8
const ID = (() => {
  const first17 = '11010119750304002'
  return first17 + idNumberCheckChar(first17)
})()
const PHONE = '13600001111'

/**
 * The claims of one roster person (孙桂兰) kept in memory. The pending slot is unique as in the
 * database; `raced` makes the check before the insert miss a claim stored at the same instant.
 */
function village(o: { raced?: boolean; autoConfirm?: boolean; unconsented?: number[] } = {}) {
  const claims: VerificationRequest[] = []
  const person: RosterMatch = {
    id: 40,
    villageId: VILLAGE,
    name: '孙桂兰',
    accountId: null,
    phoneHash: `hash(${PHONE})`,
  }
  const told: NoticeToSend[] = []
  const audited: AuditEvent[] = []
  const repo = {
    find: async (_m: unknown, villageId: number, id: number) =>
      claims.find((c) => c.id === id && c.villageId === villageId) ?? null,
    hasPendingOf: async (_m: unknown, accountId: number, villageId: number) =>
      claims.some((c) => c.accountId === accountId && c.villageId === villageId && c.state === 'pending'),
    hasPendingOn: async (_m: unknown, residentId: number) =>
      !o.raced && claims.some((c) => c.pendingResidentId === residentId),
    insertClaim: async (_m: unknown, row: NewClaim) => {
      if (claims.some((c) => c.pendingResidentId === row.pendingResidentId)) return null
      const stored = { ...row, id: claims.length + 1, createdAt: new Date() }
      claims.push(stored)
      return stored
    },
    save: async (_m: unknown, r: VerificationRequest) =>
      void Object.assign(
        claims.find((c) => c.id === r.id)!,
        r,
      ),
  } as unknown as VerificationRepository
  const roster = {
    personByIdNumber: async (villageId: number, idNumber: string) =>
      villageId === VILLAGE && idNumber === ID ? { ...person } : null,
    person: async (villageId: number, id: number) =>
      villageId === VILLAGE && id === person.id ? { ...person } : null,
    linkAccount: async (_m: unknown, _id: number, accountId: number) => void (person.accountId = accountId),
  } as unknown as RosterDirectory
  const orgs = {
    village: async (id: number) => ({
      id,
      name: '柳林村',
      settings: { verification: { autoConfirmExactMatch: o.autoConfirm ?? false } },
    }),
    names: async (ids: number[]) => new Map(ids.map((id) => [id, '柳林村'])),
  } as unknown as OrgsService
  const roles = { accountsHolding: async () => [90, 91] } as unknown as RoleHolders
  const crypto = {
    encrypt: (s: string) => `enc(${s})`,
    sealPhone: (p: string) => ({ phoneEnc: `enc(${p})`, phoneHash: `hash(${p})`, phoneMasked: 'masked' }),
  } as unknown as FieldCrypto
  const audit = {
    append: async (_m: unknown, e: AuditEvent) => void audited.push(e),
  } as unknown as AuditService
  const notify = {
    notify: async (_m: unknown, n: NoticeToSend) => void told.push(n),
  } as unknown as NotifyService
  const tx = { run: (work: (m: unknown) => unknown) => work({}) } as unknown as TxService
  const reads = new ClaimReads(repo, orgs)
  const decisions = new ClaimDecisions(repo, reads, roster, audit, notify, tx)
  // who accepted the words shown before the ID number: everyone but `unconsented`
  const consents = {
    mustHaveIdNumberConsent: async (accountId: number) => {
      if (o.unconsented?.includes(accountId)) throw new AppException('ID_NUMBER_CONSENT_REQUIRED')
    },
  } as unknown as PrivacyConsents
  const claimsUseCase = new Claims(
    repo,
    decisions,
    reads,
    orgs,
    roster,
    roles,
    crypto,
    audit,
    notify,
    tx,
    consents,
  )
  return { claims: claimsUseCase, decisions, stored: claims, person, told, audited }
}

const applicant = (accountId: number): Principal => ({
  accountId,
  displayName: `申请人${accountId}`,
  roles: new Map(),
  residentIn: new Map(),
})
const body = (o: Partial<ClaimBody> = {}): ClaimBody => ({
  villageId: VILLAGE,
  name: '孙桂兰',
  idNumber: ID,
  phone: PHONE,
  ...o,
})

/** A member of the 两委, or anyone else, acting on 柳林村's claims. */
function acting(roles: Record<number, Role[]>): ActingContext {
  const viewer = viewerWith(roles, { accountId: 90 })
  return {
    principal: viewer.principal,
    viewer,
    villageId: VILLAGE,
    role: roles[VILLAGE]?.[0] ?? 'resident',
    actor: { accountId: 90, name: '张丽', role: 'committee_member' },
  }
}
const committee = acting({ [VILLAGE]: ['committee_member'] })

describe('the ID number’s own consent', () => {
  it('takes no ID number from an account that has not accepted the words shown before it', async () => {
    const v = village({ unconsented: [3] })
    await expect(v.claims.claim(applicant(3), body())).rejects.toMatchObject({
      code: 'ID_NUMBER_CONSENT_REQUIRED',
      status: 403,
    })
    expect(v.stored).toHaveLength(0)
    expect(v.audited).toHaveLength(0)
  })
})

describe('one pending claim per roster person', () => {
  it('refuses a second account’s claim while the first waits, storing and telling nothing more', async () => {
    const v = village()
    expect((await v.claims.claim(applicant(1), body())).state).toBe('pending')
    const told = v.told.length
    await expect(v.claims.claim(applicant(2), body())).rejects.toMatchObject({
      code: 'RESIDENT_CLAIM_PENDING',
    })
    expect(v.stored.map((c) => c.accountId)).toEqual([1])
    expect(v.told).toHaveLength(told)
    expect(v.audited.map((e) => e.action)).toEqual(['verification.submitted'])
  })

  it('answers a claim that lost the race for the person’s slot as if it had come second', async () => {
    const v = village({ raced: true })
    await v.claims.claim(applicant(1), body())
    await expect(v.claims.claim(applicant(2), body())).rejects.toMatchObject({
      code: 'RESIDENT_CLAIM_PENDING',
    })
    expect(v.stored.filter((c) => c.state === 'pending')).toHaveLength(1)
  })

  it('takes another account’s claim once the waiting one is rejected', async () => {
    const v = village()
    const first = await v.claims.claim(applicant(1), body())
    await v.decisions.reject(committee, first.id, '本人到村委会说明，这不是她的申请')
    expect(v.stored[0]).toMatchObject({ state: 'rejected', pendingResidentId: null })
    const second = await v.claims.claim(applicant(2), body())
    expect(second.state).toBe('pending')
    expect(v.stored.filter((c) => c.pendingResidentId === v.person.id).map((c) => c.accountId)).toEqual([2])
  })

  it('frees the slot on confirmation and links the person, after which nobody else can claim them', async () => {
    const v = village()
    const first = await v.claims.claim(applicant(1), body())
    expect((await v.decisions.confirm(committee, first.id)).state).toBe('confirmed')
    expect(v.person.accountId).toBe(1)
    expect(v.stored[0]!.pendingResidentId).toBeNull()
    await expect(v.claims.claim(applicant(2), body())).rejects.toMatchObject({
      code: 'RESIDENT_ALREADY_LINKED',
    })
  })

  it('refuses the same account a second claim in the village while its first waits', async () => {
    const v = village()
    await v.claims.claim(applicant(1), body())
    await expect(v.claims.claim(applicant(1), body())).rejects.toMatchObject({ code: 'VERIFICATION_PENDING' })
    expect(v.stored).toHaveLength(1)
  })

  it('confirms an exact match at once where the village allows it, leaving the slot free', async () => {
    const v = village({ autoConfirm: true })
    const view = await v.claims.claim(applicant(1), body())
    expect(view.state).toBe('confirmed')
    expect(v.stored[0]).toMatchObject({ pendingResidentId: null, decidedByAccountId: null })
    expect(v.audited.map((e) => [e.action, e.actor.role])).toEqual([
      ['verification.submitted', null],
      ['verification.confirmed', 'system'],
    ])
  })

  it('waits for the 两委 when the phone differs, even where exact matches confirm themselves', async () => {
    const v = village({ autoConfirm: true })
    expect((await v.claims.claim(applicant(1), body({ phone: '13600009999' }))).state).toBe('pending')
    expect(v.told.map((n) => [n.kind, n.accountIds])).toEqual([['verification.submitted', [90, 91]]])
  })
})

describe('who decides a claim', () => {
  it('lets only the 两委 of the claim’s village confirm or reject it', async () => {
    const v = village()
    const claim = await v.claims.claim(applicant(1), body())
    const outsiders = [
      acting({ [VILLAGE]: ['resident', 'supervisor'] }),
      acting({ [OTHER_VILLAGE]: ['committee_member', 'party_secretary'] }),
    ]
    for (const a of outsiders) {
      await expect(v.decisions.confirm(a, claim.id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(v.decisions.reject(a, claim.id, '不认识')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    expect(v.stored[0]!.state).toBe('pending')
    expect(v.person.accountId).toBeNull()
    const secretary = acting({ [VILLAGE]: ['resident', 'party_secretary'] })
    expect((await v.decisions.confirm(secretary, claim.id)).state).toBe('confirmed')
  })

  it('refuses to confirm a claim on a person another account has come to hold meanwhile', async () => {
    const v = village()
    const claim = await v.claims.claim(applicant(1), body())
    v.person.accountId = 5
    await expect(v.decisions.confirm(committee, claim.id)).rejects.toMatchObject({
      code: 'RESIDENT_ALREADY_LINKED',
    })
  })
})
