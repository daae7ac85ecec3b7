import type { Principal } from '../../core/auth/principal'
import { AppException } from '../../core/errors/app.exception'

/** One works in a village (or township) where one holds a role; any other is out of one's scope. */
export function mustBelongTo(p: Principal, orgId: number): void {
  if (!p.roles.has(orgId)) throw new AppException('OUT_OF_SCOPE')
}
