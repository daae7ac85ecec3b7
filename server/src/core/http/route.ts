import {
  applyDecorators,
  createParamDecorator,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common'
import type { FastifyRequest } from 'fastify'
import { ID_PARAM, paramNames, type HandlerArgs, type ResOf, type Route } from '@xiangli/shared'
import { ACCESS_KEY } from '../auth/access.decorator'
import { AppException } from '../errors/app.exception'

export const ROUTE_KEY = 'xiangli:route'

const VERBS = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete } as const

/**
 * Binds a handler to its route in the shared contract: method, path, success status and access rule
 * all come from there. The handler must answer the route's response type, or it does not compile.
 */
export function Handle<R extends Route>(r: R) {
  const decorate = applyDecorators(
    VERBS[r.method](r.path),
    HttpCode(r.status),
    SetMetadata(ACCESS_KEY, r.access),
    SetMetadata(ROUTE_KEY, r),
  )
  return <F extends (...args: never[]) => ResOf<R> | Promise<ResOf<R>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<F>,
  ): void => {
    decorate(target, key, descriptor)
  }
}

/** Path parameters: record ids unless the route gives a schema; an id that is not one is a 404. */
function parseParams(r: Route, raw: Record<string, string | undefined>): Record<string, unknown> {
  const own = r.params ? (r.params.parse(raw) as Record<string, unknown>) : {}
  const out: Record<string, unknown> = { ...own }
  for (const name of paramNames(r.path)) {
    if (name in own) continue
    const v = raw[name] ?? ''
    if (!ID_PARAM.test(v)) throw new AppException('NOT_FOUND')
    out[name] = Number(v)
  }
  return out
}

/** What the caller sent, checked against the route's schemas (a ZodError becomes VALIDATION_FAILED). */
export function argsOf<R extends Route>(r: R, req: FastifyRequest): HandlerArgs<R> {
  return {
    params: parseParams(r, (req.params ?? {}) as Record<string, string | undefined>),
    query: r.query ? r.query.parse(req.query ?? {}) : undefined,
    body: r.body ? r.body.parse(req.body ?? {}) : undefined,
  } as HandlerArgs<R>
}

/** The validated parameters, query and body of the handler's route (see `Handle`). */
export const In = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const r = Reflect.getMetadata(ROUTE_KEY, ctx.getHandler()) as Route | undefined
  if (!r) throw new Error('@In() used on a handler without @Handle(route)')
  return argsOf(r, ctx.switchToHttp().getRequest<FastifyRequest>())
})
