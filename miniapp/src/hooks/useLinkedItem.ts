import { firstFound } from '@/logic/links'
import { useResource } from './useResource'

/**
 * The item a page was opened for, from the first of `orgs` that has it (a notification names only the
 * item: try the linked org, the active one, then the others). Nothing loads until the person is known.
 */
export function useLinkedItem<T>(
  me: { accountId: number } | null,
  orgs: readonly number[],
  id: number | null,
  load: (orgId: number, id: number) => Promise<T>,
) {
  return useResource(me && id !== null ? () => firstFound(orgs, (orgId) => load(orgId, id)) : null, [
    me?.accountId,
    id,
    orgs.join(','),
  ])
}
