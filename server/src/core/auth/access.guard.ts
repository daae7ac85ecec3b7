import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common'
import { Reflector } from '@nestjs/core'
import type { FastifyRequest } from 'fastify'
import { isSelfGoverningUnit, isTownshipLevel, sortRoles, type ErrorCode, type Role } from '@xiangli/shared'
import { AppException } from '../errors/app.exception'
import { OrgDirectory } from '../access/org-directory'
import { Viewer } from '../access/viewer'
import { ACCESS_KEY, type AccessRule } from './access.decorator'
import { authenticate } from './authenticate'
import { hasRoleIn, isSystemAdmin, isVerified, type Principal } from './principal'
import { PrincipalService } from './principal.service'
import { TokensService } from './tokens.service'

export interface AuthedRequest extends FastifyRequest {
  principal?: Principal
  /** the caller as policies see them; set with the principal */
  viewer?: Viewer
  /** the village (or, on township routes, the township) the route acts on and the role the caller acts in there */
  acting?: { orgId: number; role: Role }
}

/** The one guard. It reads the route's @Access rule; a route without one is refused (deny by default). */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly log = new Logger('Access')

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly principals: PrincipalService,
    private readonly orgs: OrgDirectory,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ])
    const req = ctx.switchToHttp().getRequest<AuthedRequest>()
    if (!rule) {
      this.log.error(
        `route ${req.method} ${req.routeOptions?.url ?? req.url} declares no @Access rule; refused`,
      )
      throw new AppException('FORBIDDEN')
    }
    if (rule.kind === 'public') {
      // a public route still knows who is calling when a valid token is sent
      const header = req.headers.authorization
      if (header?.startsWith('Bearer ')) {
        try {
          req.principal = await authenticate(header, this.tokens, this.principals)
        } catch {
          req.principal = undefined
        }
      }
      return true
    }
    const principal = await this.authenticate(req)
    switch (rule.kind) {
      case 'account':
        return true
      case 'admin':
        if (!isSystemAdmin(principal)) throw new AppException('FORBIDDEN')
        return true
      case 'village':
        await this.checkVillage(req, principal, rule.roles, rule.township, rule.refusal)
        return true
      case 'township':
        await this.checkTownship(req, principal, rule.roles)
        return true
    }
  }

  private async authenticate(req: AuthedRequest): Promise<Principal> {
    const principal = await authenticate(req.headers.authorization, this.tokens, this.principals)
    req.principal = principal
    req.viewer = new Viewer(principal, this.orgs)
    return principal
  }

  /**
   * The :townshipId of the route must be a township or street where the caller holds one of the roles.
   * An official of another township is out of scope; anyone holding no such role anywhere simply may
   * not, the way a resident on a committee route of their own village is refused.
   */
  private async checkTownship(req: AuthedRequest, p: Principal, roles: readonly Role[]): Promise<void> {
    const raw = (req.params as Record<string, string | undefined>).townshipId
    if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) throw new AppException('ORG_NOT_FOUND')
    const townshipId = Number(raw)
    const org = await this.orgs.find(townshipId)
    if (!org) throw new AppException('ORG_NOT_FOUND')
    if (!isTownshipLevel(org.kind)) throw new AppException('ORG_NOT_A_TOWNSHIP')
    const held = sortRoles(roles.filter((r) => (p.roles.get(townshipId) ?? []).includes(r)))
    if (held.length > 0) {
      req.acting = { orgId: townshipId, role: held[0]! }
      return
    }
    const elsewhere = [...p.roles.values()].some((rs) => rs.some((r) => roles.includes(r)))
    throw new AppException(elsewhere ? 'OUT_OF_SCOPE' : 'FORBIDDEN')
  }

  private async checkVillage(
    req: AuthedRequest,
    p: Principal,
    roles: readonly Role[],
    township: boolean,
    refusal: ErrorCode = 'FORBIDDEN',
  ): Promise<void> {
    const raw = (req.params as Record<string, string | undefined>).villageId
    if (!raw || !/^[1-9]\d{0,9}$/.test(raw)) throw new AppException('ORG_NOT_FOUND')
    const villageId = Number(raw)
    const org = await this.orgs.find(villageId)
    if (!org) throw new AppException('ORG_NOT_FOUND')
    if (!isSelfGoverningUnit(org.kind)) throw new AppException('ORG_NOT_A_VILLAGE')
    const held = sortRoles(roles.filter((r) => (p.roles.get(villageId) ?? []).includes(r)))
    if (held.length > 0) {
      req.acting = { orgId: villageId, role: held[0]! }
      return
    }
    if (township && org.parentId !== null && hasRoleIn(p, org.parentId, ['township_official'])) {
      req.acting = { orgId: villageId, role: 'township_official' }
      return
    }
    if (p.roles.has(villageId)) throw new AppException(refusal)
    if (!isVerified(p) && roles.includes('resident')) throw new AppException('NOT_VERIFIED')
    throw new AppException('OUT_OF_SCOPE')
  }
}
