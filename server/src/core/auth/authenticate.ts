import { AppException } from '../errors/app.exception'
import type { Principal } from './principal'
import type { PrincipalService } from './principal.service'
import type { TokensService } from './tokens.service'

/**
 * The person behind an `Authorization: Bearer …` header, or the error that says why there is none
 * (no login, an expired or an invalid token, a session that has ended). The guard uses it, and so
 * does a public route that also takes other proof, such as a signed photo link.
 */
export async function authenticate(
  header: string | undefined,
  tokens: TokensService,
  principals: PrincipalService,
): Promise<Principal> {
  if (!header || !header.startsWith('Bearer ')) throw new AppException('AUTH_REQUIRED')
  return principals.forToken(tokens.verifyAccess(header.slice(7)))
}
