/**
 * Calls a route of the shared contract: the URL is built from its path and parameters, the method
 * comes from it, and the answer has its declared type. Pages never write a URL or an answer type.
 */
import { pathOf, type CallArgs, type ResOf, type Route, type UploadFile } from '@xiangli/shared'
import type { ApiCore, QueryValue, RequestOptions, UploadPart } from './core'

/** What a page can add to a call: a form's idempotency key, showing the error itself, an upload's progress. */
export type CallOptions = Pick<RequestOptions, 'idempotencyKey' | 'toast'> & Pick<UploadPart, 'onProgress'>

export type Call = <R extends Route>(r: R, args: CallArgs<R>, o?: CallOptions) => Promise<ResOf<R>>

function uploadOf(
  field: string,
  file: UploadFile | undefined,
  onProgress?: UploadPart['onProgress'],
): UploadPart {
  if (!file) throw new Error(`an upload route needs a file for its field ${field}`)
  return {
    field,
    filePath: file.path,
    ...(file.name ? { fileName: file.name } : {}),
    ...(onProgress ? { onProgress } : {}),
  }
}

export const makeCall =
  (core: Pick<ApiCore, 'request'>): Call =>
  (r, args, o = {}) => {
    const { onProgress, ...options } = o
    return core.request(pathOf(r, (args.params ?? {}) as Record<string, string | number>), {
      method: r.method,
      query: args.query as Record<string, QueryValue> | undefined,
      body: args.body,
      ...(r.upload ? { upload: uploadOf(r.upload, args.file, onProgress) } : {}),
      // the public routes are called without a token (a shared notice opened before logging in)
      ...(r.access.kind === 'public' ? { auth: false } : {}),
      ...options,
    })
  }
