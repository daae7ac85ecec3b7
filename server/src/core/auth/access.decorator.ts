import { SetMetadata } from '@nestjs/common'
import type { Role } from '@xiangli/shared'

export const ACCESS_KEY = 'xiangli:access'

/**
 * Who may call a route. Every handler declares one; the global guard refuses a route that does not.
 * - public: anyone, no login
 * - account: any logged-in account, verified or not
 * - village: a role in the village named by the route's :villageId; `township` also lets officials
 *   of the township above it in
 * - admin: system administrators
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'account' }
  | { kind: 'village'; roles: readonly Role[]; township: boolean }
  | { kind: 'admin' }

export const Access = {
  public: () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule),
  account: () => SetMetadata(ACCESS_KEY, { kind: 'account' } satisfies AccessRule),
  village: (roles: readonly Role[], opts: { township?: boolean } = {}) =>
    SetMetadata(ACCESS_KEY, {
      kind: 'village',
      roles,
      township: opts.township ?? false,
    } satisfies AccessRule),
  admin: () => SetMetadata(ACCESS_KEY, { kind: 'admin' } satisfies AccessRule),
}

/** Everyone who lives in or serves a village. */
export const ANY_VILLAGE_ROLE: readonly Role[] = [
  'resident',
  'representative',
  'party_member',
  'committee_member',
  'party_secretary',
  'supervisor',
]
