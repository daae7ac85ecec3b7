/**
 * One declaration per route: method, path, who may call it, the schemas of what it takes and the
 * type of what it answers. The server binds its handlers to these (a handler that answers another
 * type does not compile), the miniapp calls through them, and the OpenAPI document is generated
 * from them, so the three can no longer drift apart.
 */
import type { z, ZodTypeAny } from 'zod'
import type { ErrorCode } from '../errors'
import type { Role } from '../roles'

/**
 * Who may call a route. The server's one guard reads it; a route without one is refused.
 * - public: anyone, no login
 * - account: any logged-in account, verified or not
 * - village: a role in the village named by the route's :villageId; `township` also lets officials
 *   of the township above it in; `refusal` is the code someone of the village without one of the
 *   roles is refused with, where the feature has a sentence of its own for it (FORBIDDEN otherwise)
 * - township: a role in the township or street named by the route's :townshipId
 * - admin: system administrators
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'account' }
  | { kind: 'village'; roles: readonly Role[]; township: boolean; refusal?: ErrorCode }
  | { kind: 'township'; roles: readonly Role[] }
  | { kind: 'admin' }

export const access = {
  public: (): AccessRule => ({ kind: 'public' }),
  account: (): AccessRule => ({ kind: 'account' }),
  village: (roles: readonly Role[], opts: { township?: boolean; refusal?: ErrorCode } = {}): AccessRule => ({
    kind: 'village',
    roles,
    township: opts.township ?? false,
    ...(opts.refusal ? { refusal: opts.refusal } : {}),
  }),
  township: (roles: readonly Role[] = ['township_official']): AccessRule => ({ kind: 'township', roles }),
  admin: (): AccessRule => ({ kind: 'admin' }),
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** The names of a path's parameters: '/api/villages/:villageId/grievances/:id' → 'villageId' | 'id'. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never

/** A path parameter is a record id (a positive integer) unless the route gives its own schema. */
export const ID_PARAM = /^[1-9]\d{0,9}$/

export interface RouteSpec<P extends string = string> {
  method: Method
  path: P
  access: AccessRule
  /** one line for the OpenAPI document and the route table */
  summary: string
  /** non-id path parameters (e.g. a region code); every other parameter is a record id */
  params?: ZodTypeAny
  query?: ZodTypeAny
  body?: ZodTypeAny
  /** the success status; POST defaults to 201, everything else to 200 */
  status?: 200 | 201 | 204
  /** the answer is a file (PDF, spreadsheet, CSV), not JSON */
  file?: string
  /**
   * the answer is a page for a browser (text/html), not JSON: the handler renders it, and a refusal
   * is a page too (a link shared into a chat or printed as a QR code opens it)
   */
  html?: true
  /** the request is one file sent as multipart form data in this field (a roster sheet), not JSON */
  upload?: string
}

/** What a route declared with `file` answers: the bytes; the handler sets their type and disposition. */
export type FileBytes = Uint8Array

/** What a route declared with `html` answers: the whole page. */
export type HtmlPage = string

export interface Route<S extends RouteSpec = RouteSpec, Res = unknown> {
  readonly method: S['method']
  readonly path: S['path']
  readonly access: AccessRule
  readonly summary: string
  readonly params: S['params']
  readonly query: S['query']
  readonly body: S['body']
  readonly status: 200 | 201 | 204
  readonly file: string | undefined
  readonly html: boolean
  readonly upload: S['upload']
  /** the answer's type; never set at runtime */
  readonly _res?: Res
}

type Infer<T> = T extends ZodTypeAny ? z.output<T> : undefined

/** The path parameters of a route, ids as numbers, others as their schema says. */
export type ParamsOf<R extends Route> = {
  [K in PathParamNames<R['path']>]: R['params'] extends ZodTypeAny
    ? K extends keyof z.output<R['params']>
      ? z.output<R['params']>[K]
      : number
    : number
}
export type QueryOf<R extends Route> = Infer<R['query']>
export type BodyOf<R extends Route> = Infer<R['body']>
export type ResOf<R extends Route> = R extends Route<RouteSpec, infer Res> ? Res : never
/** A key the caller must give, may give, or has nothing to give for. */
type Slot<K extends string, V> = [V] extends [undefined]
  ? { [P in K]?: undefined }
  : // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "every key of V is optional"
    {} extends V
    ? { [P in K]?: V }
    : { [P in K]: V }
/** A file on the phone to send to an upload route. */
export interface UploadFile {
  path: string
  /** the name it had when picked (the server tells .csv from .xlsx by it) */
  name?: string
}
/** What a caller passes: path parameters, query and body as written (before defaults), an upload's file. */
export type CallArgs<R extends Route> = Slot<'params', ParamsOf<R>> &
  Slot<'query', R['query'] extends ZodTypeAny ? z.input<R['query']> : undefined> &
  Slot<'body', R['body'] extends ZodTypeAny ? z.input<R['body']> : undefined> &
  Slot<'file', R['upload'] extends string ? UploadFile : undefined>
/** What a handler receives: validated, with defaults applied. */
export interface HandlerArgs<R extends Route> {
  params: ParamsOf<R>
  query: QueryOf<R>
  body: BodyOf<R>
}

/**
 * Declares a route. The answer type comes first (`route<GrievanceView>()({...})`) because TypeScript
 * cannot infer one type argument and take the other from the caller.
 */
export const route =
  <Res>() =>
  <const S extends RouteSpec>(spec: S): Route<S, Res> => ({
    method: spec.method,
    path: spec.path,
    access: spec.access,
    summary: spec.summary,
    params: spec.params,
    query: spec.query,
    body: spec.body,
    status: spec.status ?? (spec.method === 'POST' ? 201 : 200),
    file: spec.file,
    html: spec.html ?? false,
    upload: spec.upload,
  })

/** The URL of a route for these parameters; a parameter missing or not fitting its place throws. */
export function pathOf(r: Pick<Route, 'path'>, params: Record<string, string | number>): string {
  return r.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name]
    if (v === undefined || v === '') throw new Error(`${r.path}: parameter ${name} is missing`)
    return encodeURIComponent(String(v))
  })
}

/** Every parameter name in a path, in order. */
export const paramNames = (path: string): string[] => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!)
