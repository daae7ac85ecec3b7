import type { OrgView, Preferences, Role } from '@xiangli/shared'
import type { AuditEvent, AuditService } from '../../src/core/audit/audit.service'
import type { Principal } from '../../src/core/auth/principal'
import type { TxService } from '../../src/core/tx/tx.service'
import type { AccountsDirectory } from '../../src/modules/auth/accounts-directory'
import { MyAccount } from '../../src/modules/me/use-cases/my-account'
import type { OrgsService } from '../../src/modules/orgs/orgs.service'
import type { VerificationService } from '../../src/modules/verification/verification.service'

const org = (id: number, name: string): OrgView => ({
  id,
  kind: 'village',
  name,
  code: `C${id}`,
  parentId: 3,
  parentName: '柳林镇',
})
const ORGS = [org(7, '柳林村'), org(8, '新华社区')]

function principal(roles: Record<number, Role[]>): Principal {
  return {
    accountId: 1,
    displayName: '王芳',
    roles: new Map(Object.entries(roles).map(([id, r]) => [Number(id), r])),
    residentIn: new Map(),
  }
}

/** MyAccount over an account kept in memory. */
function account(stored: Preferences) {
  const state = { preferences: stored }
  const audited: AuditEvent[] = []
  const repo = {
    account: async () => ({ displayName: '王芳', preferences: state.preferences }),
    savePreferences: async (_m: unknown, _id: number, p: Preferences) => {
      state.preferences = p
    },
  } as unknown as AccountsDirectory
  const orgs = {
    viewsOf: async (ids: number[]) => ORGS.filter((o) => ids.includes(o.id)),
  } as unknown as OrgsService
  const verifications = { listMine: async () => [] } as unknown as VerificationService
  const tx = { run: (fn: (m: unknown) => unknown) => fn({}) } as unknown as TxService
  const audit = {
    append: async (_m: unknown, e: AuditEvent) => void audited.push(e),
  } as unknown as AuditService
  return { me: new MyAccount(repo, orgs, verifications, tx, audit), state, audited }
}

describe('one’s own account', () => {
  it('keeps the active village while one still belongs there', async () => {
    const { me } = account({ elderMode: false, activeOrgId: 7 })
    expect((await me.me(principal({ 7: ['resident'] }))).preferences.activeOrgId).toBe(7)
  })

  it('no longer counts a village as active once the membership there has ended', async () => {
    const { me, state } = account({ elderMode: true, activeOrgId: 7 })
    const shown = await me.me(principal({ 8: ['resident'] }))
    expect(shown.preferences).toEqual({ elderMode: true, activeOrgId: null })
    expect(shown.memberships.map((m) => m.orgId)).toEqual([8])
    // what is stored stays as it was: belonging there again brings it back
    expect(state.preferences.activeOrgId).toBe(7)
  })

  it('refuses to make active a village where one holds no role, and stores and records nothing', async () => {
    const { me, state, audited } = account({ elderMode: false, activeOrgId: 7 })
    await expect(
      me.updatePreferences(principal({ 7: ['resident'] }), { activeOrgId: 8 }),
    ).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    })
    expect(state.preferences.activeOrgId).toBe(7)
    expect(audited).toEqual([])
  })

  it('lets anyone clear the active village or change only the text size', async () => {
    const { me, state, audited } = account({ elderMode: false, activeOrgId: 7 })
    const nobody = principal({})
    await me.updatePreferences(nobody, { activeOrgId: null })
    await me.updatePreferences(nobody, { elderMode: true })
    expect(state.preferences).toEqual({ elderMode: true, activeOrgId: null })
    expect(audited.map((e) => e.action)).toEqual([
      'account.preferences_updated',
      'account.preferences_updated',
    ])
  })
})
