import type { Role } from '@xiangli/shared'
import type { OrgDirectory, OrgRef } from '../../../src/core/access/org-directory'
import { Viewer } from '../../../src/core/access/viewer'

/** A caller holding these roles, by organisation, in an org tree of these organisations. */
export function viewerWith(
  roles: Record<number, Role[]>,
  opts: { accountId?: number; residentIn?: Record<number, number>; orgs?: OrgRef[] } = {},
): Viewer {
  const orgs = new Map((opts.orgs ?? []).map((o) => [o.id, o]))
  const directory = { find: async (id: number) => orgs.get(id) ?? null } as unknown as OrgDirectory
  return new Viewer(
    {
      accountId: opts.accountId ?? 1,
      displayName: '测试',
      roles: new Map(Object.entries(roles).map(([id, r]) => [Number(id), r])),
      residentIn: new Map(Object.entries(opts.residentIn ?? {}).map(([v, r]) => [Number(v), r])),
    },
    directory,
  )
}
