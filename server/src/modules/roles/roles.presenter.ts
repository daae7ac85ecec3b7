import type { RoleHolderView } from '@xiangli/shared'
import type { RoleAssignment } from './entities/role-assignment.entity'

/** Each role with the name of its holder: the roster name of a villager, the account name otherwise. */
export const presentHolders = (
  rows: RoleAssignment[],
  names: { residents: Map<number, string>; accounts: Map<number, string> },
): RoleHolderView[] =>
  rows.map((r) => ({
    id: r.id,
    residentId: r.residentId,
    accountId: r.accountId,
    name:
      (r.residentId !== null
        ? names.residents.get(r.residentId)
        : r.accountId !== null
          ? names.accounts.get(r.accountId)
          : null) ?? '',
    role: r.role,
    since: r.createdAt.toISOString(),
  }))
