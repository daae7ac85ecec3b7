import type { AuditVerifyResult } from '@xiangli/shared'
import { verifyChain } from '../../src/cli/verify-chain'
import { AuditService, digest, type Actor } from '../../src/core/audit/audit.service'
import { TxService } from '../../src/core/tx/tx.service'
import { issuedRecord, sealUseRecord } from '../../src/modules/certificates/certificate-records'
import { CertificateRequest } from '../../src/modules/certificates/entities/certificate-request.entity'
import { SealUseRecord } from '../../src/modules/certificates/entities/seal-use-record.entity'
import { NoticeVersion } from '../../src/modules/notices/entities/notice-version.entity'
import { PublicNotice } from '../../src/modules/notices/entities/public-notice.entity'
import { noticeContentHash } from '../../src/modules/notices/notice-records'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { verifyOverHttp } from '../support/audit'
import { buildPublicFacts, type PublicFacts } from '../support/public-facts'
import { rawSql } from '../support/tamper'

/**
 * What residents and the holders of certificates read, against what the audit chain recorded: served
 * from the hashed record where there is one, checked against it where there is not, and records
 * written before a field was recorded still verified as they were recorded.
 */
describe(`public records against the audit chain on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let F: PublicFacts
  let admin: string
  let resident: string
  let sql: ReturnType<typeof rawSql>
  const clerk: Actor = { accountId: null, name: '张丽', role: 'committee_member' }

  const verify = async (): Promise<AuditVerifyResult> => {
    const result = await verifyOverHttp(t, admin)
    expect(await verifyChain(t.ds)).toEqual(result)
    return result
  }
  const check = async (n: string, c: string) =>
    (await t.request({ method: 'GET', url: `/api/certificates/verify?n=${encodeURIComponent(n)}&c=${c}` }))
      .body
  const certificate = (id: number) => t.ds.getRepository(CertificateRequest).findOneByOrFail({ id })

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    F = await buildPublicFacts(t, village)
    ;[admin, resident] = await Promise.all(['admin', 'resident'].map((k) => t.login(k)))
    sql = rawSql(t)
  })
  afterAll(async () => t.close())

  describe('notices', () => {
    it('serves residents the title and body of the latest version, not the live row, which the verifier flags', async () => {
      const undoTitle = await sql.update('public_notice', { id: F.notice.id }, 'title', () => '假标题')
      const undoBody = await sql.update('public_notice', { id: F.notice.id }, 'body', () => '假正文')
      try {
        const feed = await t.request({
          method: 'GET',
          url: `/api/villages/${village}/notices`,
          token: resident,
        })
        const item = feed.body.items.find((n: { id: number }) => n.id === F.notice.id)
        expect(item.title).toBe('2026年10月财务公开')
        expect(item.excerpt).not.toContain('假正文')
        const detail = await t.request({
          method: 'GET',
          url: `/api/villages/${village}/notices/${F.notice.id}`,
          token: resident,
        })
        expect(detail.body).toMatchObject({ title: '2026年10月财务公开', version: 2 })
        expect(detail.body.body).toBe('本月收支情况如下，如有疑问请在公示期内提出。')
        expect(detail.body.lines).toHaveLength(3)
        const shared = await t.request({ method: 'GET', url: `/api/public/notices/${F.notice.id}` })
        expect(shared.body.title).toBe('2026年10月财务公开')
        expect(await verify()).toMatchObject({
          ok: false,
          table: 'public_notice',
          recordId: String(F.notice.id),
        })
      } finally {
        await undoBody()
        await undoTitle()
      }
      expect(await verify()).toMatchObject({ ok: true })
    })

    it('keeps verifying a notice whose version was recorded before the reason and the publication were', async () => {
      const content = {
        title: '早先的公告',
        body: '早先公开的内容。',
        lines: null,
        totals: null,
        attachments: [],
      }
      const noticeId = await t.app.get(TxService).run(async (m) => {
        const n = await m.getRepository(PublicNotice).save({
          villageId: village,
          category: 'village' as const,
          title: content.title,
          body: content.body,
          lines: null,
          totals: null,
          attachmentIds: [],
          state: 'published' as const,
          version: 1,
          audienceGroupId: null,
          periodStart: '2026-01-01',
          periodEnd: '2026-01-07',
          pinned: false,
          requiresAck: false,
          major: false,
          coversPeriod: null,
          deliberationId: null,
          resolutionNoticeId: null,
          publishedAt: new Date('2026-01-01T00:00:00Z'),
          publishedByAccountId: null,
          supervisionOpinion: null,
          supervisionByAccountId: null,
          supervisionAt: null,
          returnReason: null,
          createdByAccountId: null,
        })
        const contentHash = noticeContentHash(content)
        const v = await m.getRepository(NoticeVersion).save({
          noticeId: n.id,
          villageId: village,
          version: 1,
          ...content,
          reason: null,
          contentHash,
          createdByAccountId: null,
          createdByName: '张丽',
          createdAt: new Date('2026-01-01T00:00:00Z'),
        })
        // the version's entry as it was first written: its content hash alone
        await t.app.get(AuditService).append(m, {
          actor: clerk,
          action: 'notice.version_published',
          orgId: village,
          targetType: 'notice_version',
          targetId: v.id,
          after: { noticeId: n.id, version: 1, contentHash },
        })
        return n.id
      })
      expect(await verify()).toMatchObject({ ok: true })
      // its content is covered as it was: the version, and the live row against it
      const undo = await sql.update('public_notice', { id: noticeId }, 'body', () => '改过的内容。')
      expect(await verify()).toMatchObject({ ok: false, table: 'public_notice', recordId: String(noticeId) })
      await undo()
      expect(await verify()).toMatchObject({ ok: true })
    })
  })

  describe('certificates', () => {
    it('records the content of an issued certificate and its seal-use line in the chain', async () => {
      const r = await certificate(F.certificates.issued)
      const line = await t.ds.getRepository(SealUseRecord).findOneByOrFail({ requestId: r.id })
      const entries: { action: string; targetType: string; afterDigest: string }[] = await t.ds.query(
        `SELECT action, targetType, afterDigest FROM audit_entry
          WHERE (targetType = 'certificate_request' AND targetId = ?) OR (targetType = 'seal_use_record' AND targetId = ?)
          ORDER BY seq`,
        [String(r.id), String(line.id)],
      )
      expect(entries.map((e) => e.action)).toEqual([
        'certificate.requested',
        'certificate.issued',
        'certificate.seal_used',
      ])
      expect(entries[1]!.afterDigest).toBe(digest(issuedRecord(r)))
      expect(entries[2]!.afterDigest).toBe(digest(sealUseRecord(line)))
    })

    it('answers 证明信息与存档不一致, not 有效, when the holder was changed behind the application', async () => {
      const r = await certificate(F.certificates.issued)
      expect(await check(r.number!, r.verificationCode!)).toMatchObject({
        result: 'valid',
        holderName: '王*英',
      })
      const undo = await sql.update('certificate_request', { id: r.id }, 'applicantName', () => '王五')
      try {
        expect(await check(r.number!, r.verificationCode!)).toEqual({
          result: 'mismatch',
          number: r.number,
          message: '证明信息与存档不一致',
        })
      } finally {
        await undo()
      }
      expect(await check(r.number!, r.verificationCode!)).toMatchObject({ result: 'valid' })
    })

    it('answers 证明信息与存档不一致 for a revoked certificate marked valid again', async () => {
      const r = await certificate(F.certificates.revoked)
      expect(await check(r.number!, r.verificationCode!)).toMatchObject({ result: 'revoked' })
      const undo = await sql.update('certificate_request', { id: r.id }, 'state', () => 'issued')
      try {
        expect(await check(r.number!, r.verificationCode!)).toMatchObject({ result: 'mismatch' })
      } finally {
        await undo()
      }
    })

    it('tells the holder of the issued code that the stored code was changed, and still says 无效 to a wrong one', async () => {
      const r = await certificate(F.certificates.issued)
      const undo = await sql.update('certificate_request', { id: r.id }, 'verificationCode', () => 'ZZZZZZZZ')
      try {
        expect(await check(r.number!, r.verificationCode!.toLowerCase())).toMatchObject({
          result: 'mismatch',
        })
        expect(await check(r.number!, 'ABCDEFGH')).toEqual({ result: 'invalid' })
      } finally {
        await undo()
      }
    })

    it('keeps checking a certificate issued before its content was recorded, against what its entry holds', async () => {
      const model = await certificate(F.certificates.issued)
      const number = '330106101201-2025-0001'
      const id = await t.app.get(TxService).run(async (m) => {
        const { id: _id, ...fields } = model
        const r = await m.getRepository(CertificateRequest).save({ ...fields, number, issuedYear: 2025 })
        await m.getRepository(SealUseRecord).save({
          villageId: village,
          requestId: r.id,
          at: new Date('2025-06-01T02:00:00Z'),
          certificateNumber: number,
          itemCode: r.itemCode,
          itemName: r.itemName,
          copies: r.copies,
          approverName: '张丽',
          handlerName: '张丽',
          applicantName: r.applicantName,
          applicantPhoneMasked: '139****0002',
        })
        // the issue entry as it was first written: the request's snapshot, no content, no register line
        await t.app.get(AuditService).append(m, {
          actor: clerk,
          action: 'certificate.issued',
          orgId: village,
          targetType: 'certificate_request',
          targetId: r.id,
          after: {
            id: r.id,
            villageId: r.villageId,
            itemCode: r.itemCode,
            state: 'issued',
            number,
            dueAt: null,
            copies: r.copies,
          },
        })
        return r.id
      })
      expect(await verify()).toMatchObject({ ok: true })
      expect(await check(number, model.verificationCode!)).toMatchObject({ result: 'valid' })
      // what that entry held is still covered, and its register line must agree with it
      for (const [table, key, column] of [
        ['certificate_request', { id }, 'copies'],
        ['seal_use_record', { requestId: id }, 'certificateNumber'],
      ] as const) {
        const undo = await sql.update(table, key, column, (old) =>
          column === 'copies' ? Number(old) + 1 : `${String(old)}9`,
        )
        expect(await verify()).toMatchObject({ ok: false, table })
        await undo()
      }
      expect(await verify()).toMatchObject({ ok: true })
    })
  })
})
