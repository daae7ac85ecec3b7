import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeCall {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
}

/** What the fake answers for one call: a JSON body (status 200 unless given). */
export type FakeHandler = (call: FakeCall) => { status?: number; body: unknown }

/**
 * A stand-in for api.weixin.qq.com on 127.0.0.1 and a random port. Tests set a handler per path,
 * read what it received, and take it down and up again to play an outage.
 */
export class FakeWechat {
  readonly calls: FakeCall[] = []
  private readonly handlers = new Map<string, FakeHandler>()
  private server: Server | null = null
  private port = 0

  get base(): string {
    return `http://127.0.0.1:${this.port}`
  }

  on(path: string, handler: FakeHandler): this {
    this.handlers.set(path, handler)
    return this
  }

  callsTo(path: string): FakeCall[] {
    return this.calls.filter((c) => c.path === path)
  }

  async up(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.server = server
    this.port = (server.address() as AddressInfo).port
  }

  /** Stops listening and cuts open connections: calls now fail with "connection refused". */
  async down(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = null
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://fake')
    const call: FakeCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : null,
    }
    this.calls.push(call)
    const handler = this.handlers.get(call.path)
    const { status, body } = handler
      ? handler(call)
      : { status: 404, body: { errcode: -1, errmsg: 'no such path' } }
    res.writeHead(status ?? 200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const fake = new FakeWechat()
  await fake.up()
  return fake
}
