import { DataSource } from 'typeorm'
import type { AuditEntryView } from '@xiangli/shared'
import { verifyChain } from '../../src/cli/verify-chain'
import { AuditService, entryHash } from '../../src/core/audit/audit.service'
import { CONTENT_CHECKS } from '../../src/modules/audit/content-checks'
import { AuditEntry } from '../../src/core/audit/entities/audit-entry.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { runVerify, verifyOverHttp } from '../support/audit'
import { VerifyRuns } from '../../src/modules/audit/use-cases/verify-runs'
import { AuditVerifyRun } from '../../src/modules/audit/entities'

const WHOLE = (checked: number) => ({
  ok: true,
  checked,
  firstBrokenSeq: null,
  chain: null,
  link: null,
  problem: null,
  table: null,
  recordId: null,
})

describe(`the audit chains on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number }
  let admin: string
  let secretary: string
  /** entries written by the demo seeding: its own, then those of the demo notices */
  let S: number

  const entries = () => t.ds.getRepository(AuditEntry).find({ order: { seq: 'ASC' } })
  const verify = () => verifyOverHttp(t, admin)
  /** an entry's place in its chain */
  const linkOf = async (seq: number) => (await t.ds.getRepository(AuditEntry).findOneByOrFail({ seq })).link
  /** Runs a tampering step, checks what verify says, and puts the row back as it was. */
  async function tampered(seq: number, change: (row: AuditEntry) => Promise<void>): Promise<unknown> {
    const original = await t.ds.getRepository(AuditEntry).findOneByOrFail({ seq })
    try {
      await change(original)
      return await verify()
    } finally {
      await t.ds.getRepository(AuditEntry).delete({ seq })
      await t.ds.getRepository(AuditEntry).insert(original)
    }
  }

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    admin = await t.login('admin')
    secretary = await t.login('secretary')
    S = (await entries()).length
  })
  afterAll(async () => t.close())

  describe('appending', () => {
    it('starts with the demo seeding as entry 1, its issued certificates, the 村规民约 in force, last year’s 民主评议, two 积分 awards, then the demo notices published through their service', async () => {
      const all = await entries()
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1))
      expect(all[0]!.action).toBe('demo.seeded')
      // two certificates issued, each with its content and its seal-use register line recorded
      expect(all.slice(1, 5).map((e) => e.action)).toEqual([
        'certificate.issued',
        'certificate.seal_used',
        'certificate.issued',
        'certificate.seal_used',
      ])
      // the demo village's 村规民约, recorded as adopted with its text's hash
      expect(all[5]!.action).toBe('village_rules.adopted')
      // the demo village's 民主评议 of last year, its count sealed as a real close seals it
      expect(all[6]!.action).toBe('cadre_review.published')
      // two households' points, each award recorded as every award is
      expect(all.slice(7, 9).map((e) => e.action)).toEqual(['points.awarded', 'points.awarded'])
      const notices = all.slice(9).map((e) => e.action)
      expect(notices.length).toBeGreaterThan(0)
      expect(notices.filter((a) => a === 'notice.published')).toHaveLength(3)
      for (const a of notices) expect(a).toMatch(/^notice\./)
    })

    it('appends one linked entry for each state change, naming who acted and in which role', async () => {
      const village = (
        await t.request({ method: 'GET', url: `/api/villages/${ids.village}`, token: secretary })
      ).body
      const resident = await t.login('resident')
      const someone = await t.ds.getRepository(Resident).findOneByOrFail({ name: '王小军' })

      await t.request({
        method: 'PUT',
        url: `/api/villages/${ids.village}/settings`,
        token: secretary,
        body: { ...village.settings, yijiantiao: true },
      })
      await t.request({
        method: 'PATCH',
        url: '/api/me/preferences',
        token: resident,
        body: { elderMode: true },
      })
      const assigned = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/roles`,
        token: secretary,
        body: { residentId: someone.id, role: 'representative' },
      })
      await t.request({
        method: 'DELETE',
        url: `/api/villages/${ids.village}/roles/${assigned.body.id}`,
        token: secretary,
      })

      const all = await entries()
      expect(
        all.slice(S).map((e) => ({
          seq: e.seq,
          action: e.action,
          actorName: e.actorName,
          actorRole: e.actorRole,
          orgId: e.orgId,
        })),
      ).toEqual([
        {
          seq: S + 1,
          action: 'village.settings_updated',
          actorName: '李建华',
          actorRole: 'party_secretary',
          orgId: ids.village,
        },
        {
          seq: S + 2,
          action: 'account.preferences_updated',
          actorName: '王秀英',
          actorRole: null,
          orgId: null,
        },
        {
          seq: S + 3,
          action: 'role.assigned',
          actorName: '李建华',
          actorRole: 'party_secretary',
          orgId: ids.village,
        },
        {
          seq: S + 4,
          action: 'role.removed',
          actorName: '李建华',
          actorRole: 'party_secretary',
          orgId: ids.village,
        },
      ])
      // each organisation's entries form its own chain, linked from 1; the rest are chain 0
      const chains = new Map<number, AuditEntry[]>()
      for (const e of all) {
        expect(e.chain).toBe(e.orgId ?? 0)
        chains.set(e.chain, [...(chains.get(e.chain) ?? []), e])
      }
      expect([...chains.keys()]).toEqual(expect.arrayContaining([0, ids.village]))
      for (const chain of chains.values()) {
        expect(chain.map((e) => e.link)).toEqual(chain.map((_, i) => i + 1))
        for (let i = 1; i < chain.length; i++) expect(chain[i]!.prevHash).toBe(chain[i - 1]!.hash)
      }
    })

    it('keeps digests of the before and after states, not the data itself', async () => {
      const settings = (await entries()).find((e) => e.action === 'village.settings_updated')!
      expect(settings.beforeDigest).toMatch(/^[0-9a-f]{64}$/)
      expect(settings.afterDigest).toMatch(/^[0-9a-f]{64}$/)
      expect(settings.afterDigest).not.toBe(settings.beforeDigest)
    })

    it('appends nothing for reads', async () => {
      const before = (await entries()).length
      await t.request({ method: 'GET', url: `/api/villages/${ids.village}/residents`, token: secretary })
      await t.request({ method: 'GET', url: '/api/me', token: secretary })
      await verify()
      expect((await entries()).length).toBe(before)
    })

    it('appends nothing for a refused change', async () => {
      const before = (await entries()).length
      const res = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/roles`,
        token: secretary,
        body: { residentId: 999999, role: 'representative' },
      })
      expect(res.status).toBe(404)
      expect((await entries()).length).toBe(before)
    })

    it('shows a village the entries about it, newest first', async () => {
      const res = await t.request({
        method: 'GET',
        url: `/api/villages/${ids.village}/audit`,
        token: await t.login('supervisor'),
      })
      expect(res.status).toBe(200)
      expect(res.body.items.slice(0, 3).map((e: AuditEntryView) => e.action)).toEqual([
        'role.removed',
        'role.assigned',
        'village.settings_updated',
      ])
      const aboutVillage = (await entries()).filter((e) => e.orgId === ids.village).length
      expect(aboutVillage).toBeGreaterThan(3)
      expect(res.body.total).toBe(aboutVillage)
    })
  })

  describe('checking', () => {
    it('reports a whole chain as ok', async () => {
      expect(await verify()).toEqual(WHOLE(S + 4))
    })

    it('gives the same answer from the command-line check, which opens its own connection', async () => {
      const ds = new DataSource(t.ds.options)
      await ds.initialize()
      try {
        expect(await verifyChain(ds)).toEqual(WHOLE(S + 4))
      } finally {
        await ds.destroy()
      }
    })

    it('runs the same content checks on the server as on the command line', async () => {
      expect(t.app.get(AuditService).contentCheckNames()).toEqual(CONTENT_CHECKS.map(([name]) => name))
      expect(CONTENT_CHECKS.map(([name]) => name)).toEqual([
        'notices',
        'meetings',
        'certificates',
        'village-rules',
        'cadre reviews',
        'points',
      ])
    })

    it('reads the chain and every record in one transaction, so a change committing halfway is not half seen', async () => {
      const audit = new AuditService(t.ds)
      let inTransaction: boolean | undefined
      audit.registerContentCheck('probe', async (m) => {
        inTransaction = m.queryRunner?.isTransactionActive
        return null
      })
      expect(await audit.verify()).toMatchObject({ ok: true })
      expect(inTransaction).toBe(true)
    })

    it('finds an entry whose content was changed with SQL, naming its chain and its place in it', async () => {
      const link = await linkOf(S + 1)
      const result = await tampered(S + 1, async () => {
        await t.ds.query(`UPDATE audit_entry SET actorName = ? WHERE seq = ?`, ['王五', S + 1])
      })
      expect(result).toMatchObject({
        ok: false,
        firstBrokenSeq: S + 1,
        chain: ids.village,
        link,
        table: 'audit_entry',
        recordId: String(S + 1),
        problem: `组织 ${ids.village} 的留痕链第 ${link} 条记录的内容被改动过`,
      })
      expect(await verify()).toMatchObject({ ok: true })
    })

    it('finds a changed entry on chain 0 (about no village) in the words used before chains were split', async () => {
      const link = await linkOf(S + 2)
      const result = await tampered(S + 2, async () => {
        await t.ds.query(`UPDATE audit_entry SET actorName = ? WHERE seq = ?`, ['王五', S + 2])
      })
      expect(result).toMatchObject({
        ok: false,
        firstBrokenSeq: S + 2,
        chain: 0,
        link,
        problem: `第 ${link} 条记录的内容被改动过`,
      })
    })

    it('finds a changed entry whose hash was recomputed, at the next link of its own chain', async () => {
      const link = await linkOf(S + 1)
      const result = await tampered(S + 1, async (row) => {
        const { hash: _old, seq: _seq, ...fields } = { ...row, actorName: '王五' }
        await t.ds.query(`UPDATE audit_entry SET actorName = ?, hash = ? WHERE seq = ?`, [
          '王五',
          entryHash(fields),
          S + 1,
        ])
      })
      // S + 2 is on chain 0: the village chain's next link is S + 3
      expect(result).toMatchObject({
        ok: false,
        firstBrokenSeq: S + 3,
        chain: ids.village,
        link: link + 1,
        recordId: String(S + 3),
        problem: `组织 ${ids.village} 的留痕链第 ${link + 1} 条记录与前一条衔接不上`,
      })
    })

    it('finds an entry deleted from the middle of a chain', async () => {
      const link = await linkOf(S + 3)
      const result = await tampered(S + 3, async () => {
        await t.ds.query(`DELETE FROM audit_entry WHERE seq = ?`, [S + 3])
      })
      expect(result).toMatchObject({
        ok: false,
        firstBrokenSeq: null,
        chain: ids.village,
        link,
        recordId: null,
        problem: `组织 ${ids.village} 的留痕链第 ${link} 条记录缺失`,
      })
    })

    it('finds the last entry of a chain deleted', async () => {
      const link = await linkOf(S + 4)
      const result = await tampered(S + 4, async () => {
        await t.ds.query(`DELETE FROM audit_entry WHERE seq = ?`, [S + 4])
      })
      expect(result).toMatchObject({
        ok: false,
        chain: ids.village,
        link,
        problem: `组织 ${ids.village} 的留痕链最后 1 条记录被删除`,
      })
      expect(await verify()).toEqual(WHOLE(S + 4))
    })

    it('finds an entry moved onto another chain', async () => {
      const result = await tampered(S + 4, async () => {
        await t.ds.query(`UPDATE audit_entry SET chain = ? WHERE seq = ?`, [ids.community, S + 4])
      })
      expect(result).toMatchObject({ ok: false })
      expect((result as { problem: string }).problem).toMatch(/留痕链/)
    })

    it('finds a chain whose head row was deleted', async () => {
      const [head] = await t.ds.query('SELECT * FROM audit_head WHERE id = ?', [ids.village])
      await t.ds.query('DELETE FROM audit_head WHERE id = ?', [ids.village])
      try {
        expect(await verify()).toMatchObject({
          ok: false,
          chain: ids.village,
          problem: `组织 ${ids.village} 的留痕链的链头被删除`,
        })
      } finally {
        await t.ds.query(
          'INSERT INTO audit_head (id, lastSeq, lastHash, verifiedLink, verifiedHash) VALUES (?, ?, ?, ?, ?)',
          [head.id, head.lastSeq, head.lastHash, head.verifiedLink, head.verifiedHash],
        )
      }
      expect(await verify()).toMatchObject({ ok: true })
    })
  })

  describe('checking from the last check', () => {
    it('walks only what was appended since a whole check, starting from the entry it ended on', async () => {
      const full = await runVerify(t, admin)
      expect(full).toMatchObject({ mode: 'full', total: S + 4, checked: S + 4, result: { ok: true } })
      const nothingNew = await runVerify(t, admin, 'since_verified')
      expect(nothingNew).toMatchObject({ total: 0, checked: 0, result: { ok: true, checked: 0 } })
      await t.request({
        method: 'PATCH',
        url: '/api/me/preferences',
        token: await t.login('resident'),
        body: { elderMode: false },
      })
      const oneNew = await runVerify(t, admin, 'since_verified')
      expect(oneNew).toMatchObject({ total: 1, checked: 1, result: { ok: true, checked: 1 } })
      S += 1
    })

    it('trusts what the last whole check passed, and leaves older changes to the whole check', async () => {
      await runVerify(t, admin)
      const older = await t.ds.getRepository(AuditEntry).findOneByOrFail({ chain: ids.village, link: 1 })
      const original = older.actorName
      await t.ds.query(`UPDATE audit_entry SET actorName = ? WHERE seq = ?`, ['王五', older.seq])
      try {
        // the quick check trusts what the last whole check passed; the whole check does not
        expect((await runVerify(t, admin, 'since_verified')).result).toMatchObject({ ok: true })
        expect((await runVerify(t, admin)).result).toMatchObject({ ok: false, firstBrokenSeq: older.seq })
      } finally {
        await t.ds.query(`UPDATE audit_entry SET actorName = ? WHERE seq = ?`, [original, older.seq])
      }
    })

    it('refuses to start from an entry that no longer matches what the last check saw', async () => {
      await runVerify(t, admin)
      const [head] = await t.ds.query('SELECT verifiedLink FROM audit_head WHERE id = ?', [ids.village])
      const anchor = await t.ds
        .getRepository(AuditEntry)
        .findOneByOrFail({ chain: ids.village, link: head.verifiedLink })
      await t.ds.query(`UPDATE audit_entry SET actorName = ? WHERE seq = ?`, ['王五', anchor.seq])
      try {
        expect((await runVerify(t, admin, 'since_verified')).result).toMatchObject({
          ok: false,
          firstBrokenSeq: anchor.seq,
          chain: ids.village,
          link: anchor.link,
        })
      } finally {
        await t.ds.query(`UPDATE audit_entry SET actorName = ? WHERE seq = ?`, [anchor.actorName, anchor.seq])
      }
    })

    it('reports a run whose server stopped writing progress as failed, in words an administrator reads', async () => {
      const started = await t.request({
        method: 'POST',
        url: '/api/audit/verify-runs',
        token: admin,
        body: { mode: 'full' },
      })
      await t.app.get(VerifyRuns).settled(started.body.id)
      // as if the instance running it died ten minutes ago, halfway
      await t.ds
        .getRepository(AuditVerifyRun)
        .update(
          { id: started.body.id },
          { state: 'running', finishedAt: null, progressAt: new Date(Date.now() - 10 * 60_000) },
        )
      const res = await t.request({
        method: 'GET',
        url: `/api/audit/verify-runs/${started.body.id}`,
        token: admin,
      })
      expect(res.body).toMatchObject({
        state: 'failed',
        result: null,
        failure: '核对中途服务器停止了，请重新核对',
      })
      const missing = await t.request({ method: 'GET', url: '/api/audit/verify-runs/999999', token: admin })
      expect(missing.status).toBe(404)
      expect(missing.body.code).toBe('NOT_FOUND')
    })
  })

  describe('the published heads', () => {
    it('lets anyone, without logging in, write down each chain: its village, its length and its last hash', async () => {
      const res = await t.request({ method: 'GET', url: '/api/audit/heads' })
      expect(res.status).toBe(200)
      const village = res.body.find((h: { chain: number }) => h.chain === ids.village)
      const last = await t.ds
        .getRepository(AuditEntry)
        .findOne({ where: { chain: ids.village }, order: { link: 'DESC' } })
      expect(village).toEqual({
        chain: ids.village,
        orgName: expect.any(String),
        link: last!.link,
        hash: last!.hash,
      })
      expect(res.body.find((h: { chain: number }) => h.chain === 0)).toMatchObject({ orgName: null })
    })
  })
})
