import { defaultVillageSettings } from './org'
import {
  ROLE_CAPABILITIES,
  checkConsent,
  familyProxyAllowed,
  hasCapability,
  phoneTail,
  proxyAs,
  proxyLineText,
  proxyStanding,
  rolesWith,
  type ProxyActor,
} from './proxy'
import { ROLES } from './roles'

const target = { residentId: 10, householdId: 3 }
const off = defaultVillageSettings('village')
const on = { ...off, proxy: { familyMembers: true } }
const actor = (over: Partial<ProxyActor>): ProxyActor => ({
  roles: ['resident'],
  residentId: 20,
  householdId: 7,
  ...over,
})

describe('who acts for residents', () => {
  it('gives the capability to the 两委 and the 网格员, not to a 村民小组长 or anyone else', () => {
    expect(rolesWith('act_for_residents')).toEqual(['committee_member', 'party_secretary', 'grid_worker'])
  })

  it('names every role in the capability table', () => {
    expect(Object.keys(ROLE_CAPABILITIES).sort()).toEqual([...ROLES].sort())
  })

  it('finds the capability among any of the roles held', () => {
    expect(hasCapability(['resident', 'committee_member'], 'act_for_residents')).toBe(true)
    expect(hasCapability(['resident', 'supervisor', 'representative'], 'act_for_residents')).toBe(false)
  })
})

describe('proxyStanding', () => {
  it('lets a committee member act for a resident of another household', () => {
    expect(proxyStanding(actor({ roles: ['resident', 'committee_member'] }), target, off)).toEqual({
      ok: true,
      standing: { kind: 'role', role: 'committee_member' },
    })
  })

  it('lets a committee member who is not on the roster act', () => {
    expect(
      proxyStanding(actor({ roles: ['committee_member'], residentId: null, householdId: null }), target, off),
    ).toEqual({
      ok: true,
      standing: { kind: 'role', role: 'committee_member' },
    })
  })

  it('refuses acting for oneself, even to a committee member', () => {
    expect(
      proxyStanding(actor({ roles: ['committee_member'], residentId: 10, householdId: 3 }), target, on),
    ).toEqual({
      ok: false,
      code: 'PROXY_SELF',
    })
  })

  it('refuses a resident of another household', () => {
    expect(proxyStanding(actor({}), target, on)).toEqual({ ok: false, code: 'FORBIDDEN' })
  })

  it('lets a household member act only where the village allows it', () => {
    const relative = actor({ householdId: 3 })
    expect(proxyStanding(relative, target, on)).toEqual({ ok: true, standing: { kind: 'family' } })
    expect(proxyStanding(relative, target, off)).toEqual({ ok: false, code: 'PROXY_FAMILY_NOT_ALLOWED' })
  })

  it('treats a village without the setting (saved before it existed) as not allowing family members', () => {
    const { proxy: _drop, ...older } = on
    expect(familyProxyAllowed(older)).toBe(false)
    expect(proxyStanding(actor({ householdId: 3 }), target, older)).toEqual({
      ok: false,
      code: 'PROXY_FAMILY_NOT_ALLOWED',
    })
  })

  it('refuses someone with no role in the village at all', () => {
    expect(proxyStanding(actor({ roles: [], residentId: null, householdId: null }), target, on)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

describe('checkConsent', () => {
  it('refuses when there is no consent', () => {
    expect(checkConsent(undefined, '李秀英')).toEqual({ ok: false, code: 'PROXY_CONSENT_MISSING' })
  })

  it('takes a photo of the signed paper form', () => {
    expect(checkConsent({ kind: 'paper', photoId: 5 }, '李秀英').ok).toBe(true)
  })

  it('needs the box ticked and the name typed', () => {
    expect(checkConsent({ kind: 'on_device', typedName: '李秀英', agreed: false }, '李秀英')).toEqual({
      ok: false,
      code: 'PROXY_CONSENT_MISSING',
    })
    expect(checkConsent({ kind: 'on_device', typedName: ' ', agreed: true }, '李秀英')).toEqual({
      ok: false,
      code: 'PROXY_CONSENT_MISSING',
    })
  })

  it('needs the name typed to be the roster name, ignoring spaces and the middle dot', () => {
    expect(checkConsent({ kind: 'on_device', typedName: '李秀 英', agreed: true }, '李秀英').ok).toBe(true)
    expect(checkConsent({ kind: 'on_device', typedName: '阿依古丽', agreed: true }, '阿依·古丽').ok).toBe(
      true,
    )
    expect(checkConsent({ kind: 'on_device', typedName: '张三', agreed: true }, '李秀英')).toEqual({
      ok: false,
      code: 'PROXY_CONSENT_NAME_MISMATCH',
    })
  })
})

describe('the 代办人 line', () => {
  it('reads 代办人：张三（村委委员）', () => {
    expect(proxyLineText({ name: '张三', as: proxyAs({ kind: 'role', role: 'committee_member' }) })).toBe(
      '代办人：张三（村委委员）',
    )
    expect(proxyAs({ kind: 'family' })).toBe('家属')
    expect(proxyAs({ kind: 'role', role: 'supervisor' })).toBe('监督委员会成员')
  })
})

describe('phoneTail', () => {
  it('reads three or four digits as the end of a phone number, anything else as a name', () => {
    expect(phoneTail('5678')).toBe('5678')
    expect(phoneTail('678')).toBe('678')
    expect(phoneTail('12345')).toBeNull()
    expect(phoneTail('李')).toBeNull()
  })
})
