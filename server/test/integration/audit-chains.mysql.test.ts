import type { EntityManager, QueryRunner } from 'typeorm'
import { AuditService, SYSTEM_ACTOR } from '../../src/core/audit/audit.service'
import { TxService } from '../../src/core/tx/tx.service'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { verifyOverHttp } from '../support/audit'

/**
 * Each village writes its own chain, so a change in one village never waits for another's: only
 * appenders to the same chain queue on its head row. This is about row locks held by side-by-side
 * transactions, which only MySQL has (SQLite runs one transaction at a time), so the file runs in the
 * MySQL stage.
 */
describe(`audit chains side by side on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number }
  let audit: AuditService
  const open: QueryRunner[] = []

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    audit = t.app.get(AuditService)
  })
  afterAll(async () => {
    for (const r of open) if (!r.isReleased) await r.release()
    await t.close()
  })

  /** A transaction left open, that gives up on a row lock after one second instead of fifty. */
  async function transaction(): Promise<{ m: EntityManager; runner: QueryRunner }> {
    const runner = t.ds.createQueryRunner()
    open.push(runner)
    await runner.connect()
    await runner.query('SET SESSION innodb_lock_wait_timeout = 1')
    await runner.startTransaction()
    return { m: runner.manager, runner }
  }
  const event = (orgId: number, action: string) => ({
    actor: SYSTEM_ACTOR,
    action,
    orgId,
    targetType: 'test',
    targetId: action,
  })

  it('lets another village append while one village holds its chain, and makes the same village wait', async () => {
    const holder = await transaction()
    await audit.append(holder.m, event(ids.village, 'test.held'))

    const other = await transaction()
    const appended = await audit.append(other.m, event(ids.community, 'test.other_village'))
    expect(appended.chain).toBe(ids.community)
    await other.runner.commitTransaction()

    const same = await transaction()
    await expect(audit.append(same.m, event(ids.village, 'test.same_village'))).rejects.toThrow(
      /Lock wait timeout/,
    )
    await same.runner.rollbackTransaction()

    await holder.runner.commitTransaction()
    expect(await verifyOverHttp(t, await t.login('admin'))).toMatchObject({ ok: true })
  })

  it('creates a chain for an organisation that has none yet, once, when eight append at the same time', async () => {
    const chain = 900_000 + Math.floor(Math.random() * 1000)
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        new TxService(t.ds).run((m) => audit.append(m, event(chain, `test.racer_${i}`))),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(8)
    const links = (await t.ds.query('SELECT link FROM audit_entry WHERE chain = ? ORDER BY link', [
      chain,
    ])) as {
      link: number
    }[]
    expect(links.map((l) => Number(l.link))).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    const heads = await t.ds.query('SELECT lastSeq FROM audit_head WHERE id = ?', [chain])
    expect(heads).toHaveLength(1)
    expect(Number(heads[0].lastSeq)).toBe(8)
  })
})
