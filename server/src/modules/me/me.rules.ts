import type { Membership, Preferences } from '@xiangli/shared'

/** The preferences as they hold today: a membership that ended no longer counts as the active village. */
export function currentPreferences(stored: Preferences, memberships: Membership[]): Preferences {
  const active = stored.activeOrgId
  return active !== null && !memberships.some((m) => m.orgId === active)
    ? { ...stored, activeOrgId: null }
    : { ...stored }
}
