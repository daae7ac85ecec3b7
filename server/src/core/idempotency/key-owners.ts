import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common'
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { DataSource, type QueryRunner } from 'typeorm'
import { dialectOf } from '../database/dialect'

/** This process, as written on the idempotency records it takes: host, pid and a random boot id. */
const BOOT = randomUUID()
export const THIS_PROCESS = `${hostname()}/${process.pid}/${BOOT}`

/** Requests of this process under each scope and key now (two at once: the work and a retry). */
const inFlight = new Map<string, number>()
const slot = (scope: string, key: string) => `${scope}\n${key}`

/** MySQL keeps a named lock per process for as long as the process's connection lives. */
const lockName = (boot: string) => `xiangli:${boot}`
const PING_MS = 60_000

/**
 * Who holds an idempotency key, and whether they still live. A key's record says 'pending' from
 * before the work until its answer is kept; a process killed in between left it so. Instead of a
 * lease on the request (which a slow request outlives, letting a retry run it a second time
 * beside it), the record names its process, and a retry takes the key over only when that process
 * is known to be gone:
 * - this process: the request no longer runs here;
 * - MySQL: every process holds a named lock (GET_LOCK) on a connection of its own; MySQL frees it
 *   when the connection dies with the process, so a free lock is a dead process, on any host;
 * - SQLite (one host by nature): a pid that no longer runs, or our own pid under another boot id
 *   (the restarted process of a container).
 * Otherwise (another host on SQLite, a record from before owners were kept) nobody knows, and the
 * retry waits as before. The work of a process killed after its commit but before its answer was
 * kept runs again on retry: the answer cannot be recovered, and routes that must never run twice
 * (check-ins, ballots) keep their key in their own row instead (`@IdempotentInTransaction`).
 */
@Injectable()
export class KeyOwners implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('Idempotency')
  private runner: QueryRunner | null = null
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly ds: DataSource) {}

  private get isMysql(): boolean {
    return dialectOf(this.ds) === 'mysql'
  }

  async onModuleInit(): Promise<void> {
    if (!this.isMysql) return
    await this.holdLock()
    this.timer = setInterval(() => void this.holdLock(), PING_MS)
    this.timer.unref()
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    const runner = this.runner
    this.runner = null
    if (!runner) return
    await runner.query('SELECT RELEASE_LOCK(?)', [lockName(BOOT)]).catch(() => undefined)
    await runner.release().catch(() => undefined)
  }

  /**
   * Takes this process's lock, or checks it is still held (the ping also keeps the idle connection
   * from MySQL's wait_timeout). Two app instances in one process (tests) share it: whichever holds it.
   */
  private async holdLock(): Promise<void> {
    try {
      if (!this.runner) {
        this.runner = this.ds.createQueryRunner()
        await this.runner.connect()
      }
      const [held] = (await this.runner.query('SELECT IS_USED_LOCK(?) = CONNECTION_ID() AS mine', [
        lockName(BOOT),
      ])) as { mine: number | string | null }[]
      if (Number(held?.mine) !== 1) await this.runner.query('SELECT GET_LOCK(?, 0)', [lockName(BOOT)])
    } catch (e) {
      this.log.warn(`liveness lock not held: ${(e as Error).message}`)
      await this.runner?.release().catch(() => undefined)
      this.runner = null
    }
  }

  /** Marks a request under this key as running here; the returned function marks it ended. */
  begin(scope: string, key: string): () => void {
    const s = slot(scope, key)
    inFlight.set(s, (inFlight.get(s) ?? 0) + 1)
    let ended = false
    return () => {
      if (ended) return
      ended = true
      const left = (inFlight.get(s) ?? 1) - 1
      if (left > 0) inFlight.set(s, left)
      else inFlight.delete(s)
    }
  }

  /** True when the process named on a pending record is gone; undefined when nobody can tell. */
  async gone(owner: string | null, scope: string, key: string): Promise<boolean | undefined> {
    if (owner === null) return undefined
    if (owner === THIS_PROCESS) return !inFlight.has(slot(scope, key))
    const [host, pid, boot] = owner.split('/')
    if (!host || !pid || !boot) return undefined
    if (this.isMysql) {
      const [row] = (await this.ds.query('SELECT IS_USED_LOCK(?) AS holder', [lockName(boot)])) as {
        holder: number | string | null
      }[]
      return row?.holder === null || row?.holder === undefined
    }
    if (host !== hostname()) return undefined
    if (Number(pid) === process.pid) return true
    try {
      process.kill(Number(pid), 0)
      return false
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ESRCH'
    }
  }
}
