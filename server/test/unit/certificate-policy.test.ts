import type { Role } from '@xiangli/shared'
import { AppException } from '../../src/core/errors/app.exception'
import { canFollow, mustBeApplicant, mustDecide } from '../../src/modules/certificates/certificates.policy'
import { viewerWith } from './support/viewer'

const VILLAGE = 7
const request = { villageId: VILLAGE, applicantAccountId: 42, applicantResidentId: 420, proxy: null }
const codeOf = (f: () => void): string | null => {
  try {
    f()
    return null
  } catch (e) {
    return (e as AppException).code
  }
}
const as = (roles: Record<number, Role[]>, accountId = 1) => viewerWith(roles, { accountId })

describe('who follows a certificate request', () => {
  it('shows it to its applicant and to the village’s 两委 and supervisors', () => {
    expect(canFollow(as({ [VILLAGE]: ['resident'] }, 42), request)).toBe(true)
    for (const role of ['committee_member', 'party_secretary', 'supervisor'] as const)
      expect(canFollow(as({ [VILLAGE]: [role] }), request)).toBe(true)
  })

  it('hides it from other residents, representatives, party members and the township', () => {
    const callers: Record<number, Role[]>[] = [
      { [VILLAGE]: ['resident'] },
      { [VILLAGE]: ['representative', 'party_member'] },
      { 3: ['township_official'] },
      { 8: ['committee_member'] },
    ]
    for (const roles of callers) expect(canFollow(as(roles), request)).toBe(false)
  })

  it('lets only the applicant resubmit or withdraw: NOT_FOUND for a stranger, FORBIDDEN for the committee', () => {
    expect(codeOf(() => mustBeApplicant(as({ [VILLAGE]: ['resident'] }, 42), request))).toBe(null)
    expect(codeOf(() => mustBeApplicant(as({ [VILLAGE]: ['resident'] }), request))).toBe('NOT_FOUND')
    expect(codeOf(() => mustBeApplicant(as({ [VILLAGE]: ['committee_member'] }), request))).toBe('FORBIDDEN')
  })
})

describe('who decides on a certificate request', () => {
  it('lets a committee member or the party secretary of the village decide', () => {
    for (const role of ['committee_member', 'party_secretary'] as const)
      expect(codeOf(() => mustDecide(as({ [VILLAGE]: [role] }), request))).toBe(null)
  })

  it('never lets anyone decide their own request, whatever post they hold', () => {
    const secretary = as({ [VILLAGE]: ['party_secretary', 'resident'] }, 42)
    expect(codeOf(() => mustDecide(secretary, request))).toBe('CERTIFICATE_OWN_REQUEST')
  })

  it('refuses supervisors, residents and the committee of another village', () => {
    const callers: Record<number, Role[]>[] = [
      { [VILLAGE]: ['supervisor'] },
      { [VILLAGE]: ['resident'] },
      { 8: ['committee_member'] },
    ]
    for (const roles of callers)
      expect(codeOf(() => mustDecide(as(roles), request))).toBe('CERTIFICATE_APPROVER_NOT_ALLOWED')
  })
})

describe('a request applied for a resident (代办)', () => {
  const filed = {
    villageId: VILLAGE,
    applicantAccountId: null,
    applicantResidentId: 420,
    proxy: {
      accountId: 5,
      name: '张三',
      as: '村委委员',
      standing: { kind: 'role' as const, role: 'committee_member' as const },
      consent: { kind: 'paper' as const, at: '2026-01-01T00:00:00.000Z', photoId: 1, typedName: null },
    },
  }

  it('is the resident’s once their account is on the roster, though they have never applied themselves', () => {
    const resident = viewerWith(
      { [VILLAGE]: ['resident'] },
      { accountId: 77, residentIn: { [VILLAGE]: 420 } },
    )
    expect(canFollow(resident, filed)).toBe(true)
    expect(codeOf(() => mustBeApplicant(resident, filed))).toBe(null)
  })

  it('is not decided by the committee member who applied for the resident', () => {
    expect(codeOf(() => mustDecide(as({ [VILLAGE]: ['committee_member'] }, 5), filed))).toBe(
      'CERTIFICATE_PROXY_OWN_FILING',
    )
    expect(codeOf(() => mustDecide(as({ [VILLAGE]: ['committee_member'] }, 6), filed))).toBe(null)
  })
})
