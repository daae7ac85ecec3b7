import { createParamDecorator, ExecutionContext } from '@nestjs/common'
import type { Role } from '@xiangli/shared'
import type { Viewer } from '../access/viewer'
import type { Actor } from '../audit/audit.service'
import type { AuthedRequest } from './access.guard'
import type { Principal } from './principal'

/** The caller; only on routes whose @Access rule requires a login. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const p = ctx.switchToHttp().getRequest<AuthedRequest>().principal
  if (!p) throw new Error('CurrentPrincipal used on a route without authentication')
  return p
})

export interface ActingContext {
  principal: Principal
  viewer: Viewer
  villageId: number
  role: Role
  actor: Actor
}

/** The caller, the village and the role they act in; only on @Access.village routes. */
export const Acting = createParamDecorator((_: unknown, ctx: ExecutionContext): ActingContext => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>()
  if (!req.principal || !req.viewer || !req.acting)
    throw new Error('Acting used on a route without a village rule')
  return {
    principal: req.principal,
    viewer: req.viewer,
    villageId: req.acting.orgId,
    role: req.acting.role,
    actor: { accountId: req.principal.accountId, name: req.principal.displayName, role: req.acting.role },
  }
})

export interface TownshipContext {
  principal: Principal
  viewer: Viewer
  townshipId: number
  role: Role
  actor: Actor
}

/** The caller, the township or street and the role they act in; only on @Access.township routes. */
export const ActingTownship = createParamDecorator((_: unknown, ctx: ExecutionContext): TownshipContext => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>()
  if (!req.principal || !req.viewer || !req.acting)
    throw new Error('ActingTownship used on a route without a township rule')
  return {
    principal: req.principal,
    viewer: req.viewer,
    townshipId: req.acting.orgId,
    role: req.acting.role,
    actor: { accountId: req.principal.accountId, name: req.principal.displayName, role: req.acting.role },
  }
})

export const actorOf = (p: Principal, role: string | null = null): Actor => ({
  accountId: p.accountId,
  name: p.displayName,
  role,
})
