import { DataSource } from 'typeorm'
import type { AuditEntryView } from '@xiangli/shared'
import { verifyChain } from '../../src/cli/verify-chain'
import { AuditService, entryHash } from '../../src/core/audit/audit.service'
import { CONTENT_CHECKS } from '../../src/modules/audit/content-checks'
import { AuditEntry } from '../../src/core/audit/entities/audit-entry.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

describe(`the audit chain on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number }
  let admin: string
  let secretary: string
  /** entries written by the demo seeding: its own, then those of the demo notices */
  let S: number

  const entries = () => t.ds.getRepository(AuditEntry).find({ order: { seq: 'ASC' } })
  const verify = async () => {
    const res = await t.request({ method: 'GET', url: '/api/audit/verify', token: admin })
    expect(res.status).toBe(200)
    return res.body
  }
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
    it('starts with the demo seeding as entry 1, its issued certificates, then the demo notices published through their service', async () => {
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
      const notices = all.slice(5).map((e) => e.action)
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
      for (let i = 1; i < all.length; i++) expect(all[i]!.prevHash).toBe(all[i - 1]!.hash)
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
      expect(await verify()).toEqual({
        ok: true,
        checked: S + 4,
        firstBrokenSeq: null,
        problem: null,
        table: null,
        recordId: null,
      })
    })

    it('gives the same answer from the command-line check, which opens its own connection', async () => {
      const ds = new DataSource(t.ds.options)
      await ds.initialize()
      try {
        expect(await verifyChain(ds)).toEqual({
          ok: true,
          checked: S + 4,
          firstBrokenSeq: null,
          problem: null,
          table: null,
          recordId: null,
        })
      } finally {
        await ds.destroy()
      }
    })

    it('runs the same content checks on the server as on the command line', async () => {
      expect(t.app.get(AuditService).contentCheckNames()).toEqual(CONTENT_CHECKS.map(([name]) => name))
      expect(CONTENT_CHECKS.map(([name]) => name)).toEqual(['notices', 'meetings', 'certificates'])
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

    it('finds an entry whose content was changed with SQL', async () => {
      const result = await tampered(S + 1, async () => {
        await t.ds.query(`UPDATE audit_entry SET actorName = ? WHERE seq = ?`, ['王五', S + 1])
      })
      expect(result).toEqual({
        ok: false,
        checked: S,
        firstBrokenSeq: S + 1,
        table: 'audit_entry',
        recordId: String(S + 1),
        problem: `第 ${S + 1} 条记录的内容被改动过`,
      })
      expect(await verify()).toMatchObject({ ok: true })
    })

    it('finds a changed entry whose hash was recomputed, at the next link', async () => {
      const result = await tampered(S + 1, async (row) => {
        const { hash: _old, ...fields } = { ...row, actorName: '王五' }
        await t.ds.query(`UPDATE audit_entry SET actorName = ?, hash = ? WHERE seq = ?`, [
          '王五',
          entryHash(fields),
          S + 1,
        ])
      })
      expect(result).toEqual({
        ok: false,
        checked: S + 1,
        firstBrokenSeq: S + 2,
        table: 'audit_entry',
        recordId: String(S + 2),
        problem: `第 ${S + 2} 条记录与前一条衔接不上`,
      })
    })

    it('finds an entry deleted from the middle', async () => {
      const result = await tampered(S + 2, async () => {
        await t.ds.query(`DELETE FROM audit_entry WHERE seq = ?`, [S + 2])
      })
      expect(result).toEqual({
        ok: false,
        checked: S + 1,
        firstBrokenSeq: S + 2,
        table: 'audit_entry',
        recordId: String(S + 2),
        problem: `第 ${S + 2} 条记录缺失`,
      })
    })

    it('finds the last entry deleted', async () => {
      const result = await tampered(S + 4, async () => {
        await t.ds.query(`DELETE FROM audit_entry WHERE seq = ?`, [S + 4])
      })
      expect(result).toEqual({
        ok: false,
        checked: S + 3,
        firstBrokenSeq: S + 4,
        table: 'audit_entry',
        recordId: String(S + 4),
        problem: '最后 1 条记录被删除',
      })
      expect(await verify()).toEqual({
        ok: true,
        checked: S + 4,
        firstBrokenSeq: null,
        problem: null,
        table: null,
        recordId: null,
      })
    })
  })
})
