import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import Fastify from 'fastify'
import { ClientGoneError, clientSignal } from '../../src/core/http/client-gone'
import { checkNoticeVersions } from '../../src/modules/notices/notice-integrity'
import type { NoticeVersionsRepository } from '../../src/modules/notices/notice-versions.repository'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A long request stops when its client disconnects, and only then. */
describe('the signal of a request whose client left', () => {
  const app = Fastify()
  let steps = 0
  let stoppedBy: unknown = null
  let finished = false
  app.get('/long', async (req, reply) => {
    const signal = clientSignal(req, reply)
    try {
      for (steps = 0; steps < 200; steps++) {
        signal.throwIfAborted()
        await sleep(10)
      }
      finished = true
      return { steps }
    } catch (e) {
      stoppedBy = e
      throw e
    }
  })
  app.get('/short', async (req, reply) => {
    const signal = clientSignal(req, reply)
    await sleep(20)
    return { aborted: signal.aborted }
  })
  let port: number

  beforeAll(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as AddressInfo).port
  })
  afterAll(() => app.close())

  it('aborts the work between steps once the client closes the connection', async () => {
    const req = request({ host: '127.0.0.1', port, path: '/long' })
    req.on('error', () => undefined)
    req.end()
    await sleep(150)
    req.destroy()
    for (let i = 0; i < 50 && stoppedBy === null; i++) await sleep(10)
    expect(stoppedBy).toBeInstanceOf(ClientGoneError)
    const at = steps
    await sleep(100)
    expect(steps).toBe(at)
    expect(at).toBeLessThan(60)
    expect(finished).toBe(false)
  })

  it('stays quiet for a client that waits for its answer', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/short`)
    expect(await res.json()).toEqual({ aborted: false })
  })

  it('stops the notice integrity check before its next batch', async () => {
    let batches = 0
    const stop = new AbortController()
    const repo = {
      batchAfter: async (after: number) => {
        batches++
        if (batches === 2) stop.abort(new ClientGoneError())
        return [{ id: after + 1, noticeId: 1, version: 1, villageId: 1 }]
      },
      entriesAbout: async () => [],
    } as unknown as NoticeVersionsRepository
    await expect(checkNoticeVersions(repo, [1], undefined, stop.signal)).rejects.toBeInstanceOf(
      ClientGoneError,
    )
    expect(batches).toBe(2)
  })
})
