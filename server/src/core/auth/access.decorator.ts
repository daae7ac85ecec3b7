import { SetMetadata } from '@nestjs/common'
import type { ErrorCode, Role } from '@xiangli/shared'

export const ACCESS_KEY = 'xiangli:access'

/**
 * Who may call a route. Every handler declares one; the global guard refuses a route that does not.
 * - public: anyone, no login
 * - account: any logged-in account, verified or not
 * - village: a role in the village named by the route's :villageId; `township` also lets officials
 *   of the township above it in; someone of the village without one of the roles is refused with
 *   `refusal` where the route names one, FORBIDDEN otherwise
 * - township: a role (township_official by default) in the township or street named by the route's
 *   :townshipId; services then look things up within that township's villages
 * - admin: system administrators
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'account' }
  | { kind: 'village'; roles: readonly Role[]; township: boolean; refusal?: ErrorCode }
  | { kind: 'township'; roles: readonly Role[] }
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
  township: (roles: readonly Role[] = TOWNSHIP_ROLES) =>
    SetMetadata(ACCESS_KEY, { kind: 'township', roles } satisfies AccessRule),
  admin: () => SetMetadata(ACCESS_KEY, { kind: 'admin' } satisfies AccessRule),
}

/** Who works at a township or street office. */
export const TOWNSHIP_ROLES: readonly Role[] = ['township_official']

/** Everyone who lives in or serves a village. */
export const ANY_VILLAGE_ROLE: readonly Role[] = [
  'resident',
  'representative',
  'party_member',
  'committee_member',
  'party_secretary',
  'supervisor',
]
