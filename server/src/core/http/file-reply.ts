import type { FastifyReply } from 'fastify'

/** A file to answer with: its bytes, their type, and whether the browser shows it or saves it. */
export interface FileDownload {
  bytes: Buffer
  type: string
  /** `inline`, or `attachment; filename="…"` */
  disposition: string
}

/**
 * Answers a route declared with `file:` (its handler takes `@Res({ passthrough: true })`): the type and
 * disposition go on the reply, the bytes are the body.
 */
export function sendFile(reply: FastifyReply, f: FileDownload): Buffer {
  void reply.header('content-type', f.type).header('content-disposition', f.disposition)
  return f.bytes
}
