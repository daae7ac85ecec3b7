import { noticeCorrectionSchema, noticeDraftSchema, type NoticeDraftRequest } from '@xiangli/shared'
import { AppException } from '../../src/core/errors/app.exception'
import { noticeContentHash, versionRecords } from '../../src/modules/notices/notice-records'
import { NoticeDrafts } from '../../src/modules/notices/use-cases/notice-drafts'
import { NoticePublication } from '../../src/modules/notices/use-cases/notice-publication'
import { memoryNotices } from './support/notices-memory'

const finance: NoticeDraftRequest = {
  category: 'finance',
  title: '2026年4月财务公开',
  body: '本月收支如下。',
  lines: [
    { kind: 'income', item: '土地租金', amountFen: 120_000 },
    { kind: 'expense', item: '村道修缮', amountFen: 83_000 },
  ],
  totals: { totalIncomeFen: 120_000, totalExpenseFen: 83_000 },
  coversPeriod: '2026-04',
}

function setUp() {
  const mem = memoryNotices({ now: new Date('2026-05-20T02:00:00Z') })
  const { repos, steps, reads, services, tx } = mem
  const drafts = new NoticeDrafts(repos.notices, steps, reads, services.orgs, tx)
  const publication = new NoticePublication(
    repos.notices,
    repos.versions,
    steps,
    reads,
    services.audit,
    services.clock,
    services.noticeCheck,
  )
  const committee = mem.as('committee')
  const draft = async (over: Partial<NoticeDraftRequest> = {}) =>
    (await drafts.create(committee, noticeDraftSchema.parse({ ...finance, ...over }))).id
  const correction = (over: Record<string, unknown>) =>
    noticeCorrectionSchema.parse({ ...finance, reason: '补充明细', ...over })
  const refusal = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(AppException)
    return (e as AppException).code
  }
  return { ...mem, drafts, publication, committee, draft, correction, refusal }
}

describe('the versions of a notice', () => {
  it('publishes version 1 and records its content hash in the chain as the version was stored', async () => {
    const s = setUp()
    const pdf = s.upload(10, 'a'.repeat(64))
    const id = await s.draft({ attachmentIds: [pdf] })
    const view = await s.publication.publish(s.committee, id, {})
    const [v1] = s.tables().versions
    expect(v1).toMatchObject({
      noticeId: id,
      version: 1,
      reason: null,
      attachments: [{ fileId: pdf, sha256: 'a'.repeat(64) }],
    })
    expect(v1!.contentHash).toBe(noticeContentHash(v1!))
    const entry = s.audit.find((e) => e.action === 'notice.version_published')
    expect(entry).toMatchObject({
      targetType: 'notice_version',
      targetId: v1!.id,
      after: versionRecords(v1!)[0],
    })
    expect(view).toMatchObject({
      state: 'published',
      version: 1,
      periodStart: '2026-05-20',
      periodEnd: '2026-05-26',
    })
    expect(view.versions.map((v) => v.contentHash)).toEqual([v1!.contentHash])
  })

  it('writes a correction as the next version with its reason, and leaves the earlier version as it was', async () => {
    const s = setUp()
    const id = await s.draft()
    await s.publication.publish(s.committee, id, {})
    const v1 = structuredClone(s.tables().versions[0]!)
    s.clock.advance(60_000)
    const lines = [
      { kind: 'income' as const, item: '土地租金', amountFen: 120_000 },
      { kind: 'expense' as const, item: '村道修缮（一组）', amountFen: 50_000 },
      { kind: 'expense' as const, item: '村道修缮（二组）', amountFen: 33_000 },
    ]
    const view = await s.publication.correct(s.committee, id, s.correction({ lines, reason: '分段列出' }))
    const [first, second] = s.tables().versions
    expect(first).toEqual(v1)
    expect(second).toMatchObject({ version: 2, reason: '分段列出', lines })
    expect(second!.contentHash).not.toBe(v1.contentHash)
    expect(s.audit.filter((e) => e.action.startsWith('notice.version_')).map((e) => e.action)).toEqual([
      'notice.version_published',
      'notice.version_corrected',
    ])
    expect(view.versions.map((v) => [v.version, v.reason])).toEqual([
      [2, '分段列出'],
      [1, null],
    ])
    expect(view.lines).toEqual(lines)
    expect(s.told.map((t) => t.kind)).toContain('notice.corrected')
  })

  it('refuses to correct a notice that was never published, and writes no version', async () => {
    const s = setUp()
    const id = await s.draft()
    expect(await s.refusal(s.publication.correct(s.committee, id, s.correction({})))).toBe(
      'NOTICE_NOT_PUBLISHED',
    )
    expect(s.tables().versions).toEqual([])
  })

  it('refuses to edit a published notice in place', async () => {
    const s = setUp()
    const id = await s.draft()
    await s.publication.publish(s.committee, id, {})
    const edit = s.drafts.edit(s.committee, id, noticeDraftSchema.parse({ ...finance, title: '改过的标题' }))
    expect(await s.refusal(edit)).toBe('NOTICE_PUBLISHED_IMMUTABLE')
    expect(s.tables().notices[0]!.title).toBe(finance.title)
  })

  it('refuses a finance correction whose totals do not add up, and changes nothing', async () => {
    const s = setUp()
    const id = await s.draft()
    await s.publication.publish(s.committee, id, {})
    const before = structuredClone(s.tables())
    const bad = s.correction({ totals: { totalIncomeFen: 120_001, totalExpenseFen: 83_000 } })
    expect(await s.refusal(s.publication.correct(s.committee, id, bad))).toBe(
      'NOTICE_FINANCE_TOTALS_MISMATCH',
    )
    expect(s.tables()).toEqual(before)
  })

  it('corrects an archived notice and keeps it archived', async () => {
    const s = setUp()
    const id = await s.draft()
    await s.publication.publish(s.committee, id, {})
    s.tables().notices[0]!.state = 'ended'
    const view = await s.publication.correct(s.committee, id, s.correction({ reason: '补充说明' }))
    expect(view).toMatchObject({ state: 'ended', version: 2 })
  })

  it('gives readers the content of the latest version, not a live row changed behind its back', async () => {
    const s = setUp()
    const id = await s.draft()
    await s.publication.publish(s.committee, id, {})
    Object.assign(s.tables().notices[0]!, { title: '假标题', body: '假正文' })
    const view = await s.reads.detail(s.as('wang'), id)
    expect(view).toMatchObject({ title: finance.title, body: finance.body })
  })

  it('keeps each correction’s files with the hashes they were published with', async () => {
    const s = setUp()
    const first = s.upload(10, '1'.repeat(64))
    const id = await s.draft({ attachmentIds: [first] })
    await s.publication.publish(s.committee, id, {})
    const second = s.upload(10, '2'.repeat(64))
    const view = await s.publication.correct(s.committee, id, s.correction({ attachmentIds: [second] }))
    expect(view.versions.map((v) => v.attachments.map((a) => [a.fileId, a.sha256]))).toEqual([
      [[second, '2'.repeat(64)]],
      [[first, '1'.repeat(64)]],
    ])
    // a file someone else uploaded cannot be slipped into a correction
    const theirs = s.upload(41, '3'.repeat(64))
    expect(
      await s.refusal(s.publication.correct(s.committee, id, s.correction({ attachmentIds: [theirs] }))),
    ).toBe('NOTICE_ATTACHMENT_INVALID')
    expect(s.tables().versions).toHaveLength(2)
  })
})
