import { ROLE_LABELS, sortRoles, type DemoPerson, type Role } from '@xiangli/shared'
import type { Account } from './entities/account.entity'

/** The first organisation a demo person holds roles in, and those roles; null for a newcomer. */
export interface DemoPersonPlace {
  orgId: number
  roles: readonly Role[]
}

/** A demo person on the login page: their name, their most responsible role and where they hold it. */
export function presentDemoPerson(
  a: Pick<Account, 'demoKey' | 'displayName'>,
  place: DemoPersonPlace | null,
  orgNames: ReadonlyMap<number, string>,
): DemoPerson {
  const top = place ? sortRoles(place.roles)[0] : undefined
  return {
    key: a.demoKey!,
    name: a.displayName,
    roleLabel: top ? ROLE_LABELS[top] : '未认证的新用户',
    orgName: place === null ? '尚未加入村（社区）' : (orgNames.get(place.orgId) ?? ''),
  }
}
