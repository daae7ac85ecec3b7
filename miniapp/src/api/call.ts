/**
 * Calls a route of the shared contract: the URL is built from its path and parameters, the method
 * comes from it, and the answer has its declared type. Pages never write a URL or an answer type.
 */
import { pathOf, type CallArgs, type ResOf, type Route } from '@xiangli/shared'
import type { ApiCore, QueryValue, RequestOptions } from './core'

/** What a page can add to a call: a form's idempotency key, or showing the error itself. */
export type CallOptions = Pick<RequestOptions, 'idempotencyKey' | 'toast'>

export type Call = <R extends Route>(r: R, args: CallArgs<R>, o?: CallOptions) => Promise<ResOf<R>>

export const makeCall =
  (core: Pick<ApiCore, 'request'>): Call =>
  (r, args, o) =>
    core.request(pathOf(r, (args.params ?? {}) as Record<string, string | number>), {
      method: r.method,
      query: args.query as Record<string, QueryValue> | undefined,
      body: args.body,
      // the public routes are called without a token (a shared notice opened before logging in)
      ...(r.access.kind === 'public' ? { auth: false } : {}),
      ...o,
    })
