import type { FastifyReply } from 'fastify'
import type { Readable } from 'node:stream'

/** A file to answer with: its bytes, their type, and whether the browser shows it or saves it. */
export interface FileDownload {
  /** the whole file, or a stream of it (a file read from the object store is not held in memory) */
  bytes: Buffer | Readable
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
  // a stream is piped to the client by Fastify as it is; the contract types the answer as its bytes
  return f.bytes as Buffer
}
