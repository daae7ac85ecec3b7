import type { ProxyGate } from '../../src/modules/proxy/proxy-gate'
import { AppException } from '../../src/core/errors/app.exception'
import { NoticeDrafts } from '../../src/modules/notices/use-cases/notice-drafts'
import { NoticePublication } from '../../src/modules/notices/use-cases/notice-publication'
import { Objections } from '../../src/modules/notices/use-cases/objections'
import { TownshipOversight } from '../../src/modules/notices/use-cases/township-oversight'
import type { NoticeVersionsRepository } from '../../src/modules/notices/notice-versions.repository'
import { DAY, TOWNSHIP, memoryNotices } from './support/notices-memory'
import { viewerWith } from './support/viewer'

/** A village answering objections within `replyDays`, with one notice published today for seven days. */
async function setUp(replyDays = 15) {
  const mem = memoryNotices({
    now: new Date('2026-05-20T02:00:00Z'),
    settings: { objectionReplyDays: replyDays },
  })
  const { repos, steps, reads, objectionReads, services, tx } = mem
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
  const objections = new Objections(
    repos.objections,
    steps,
    objectionReads,
    tx,
    services.audit,
    services.files,
    services.roster,
    services.clock,
    {} as ProxyGate,
    services.checks,
  )
  const township = new TownshipOversight(
    repos.objections,
    {} as NoticeVersionsRepository,
    objectionReads,
    steps,
    services.orgs,
    tx,
    services.audit,
    services.clock,
  )
  const committee = mem.as('committee')
  const { id } = await drafts.create(committee, {
    category: 'village',
    title: '低保评议结果公示',
    body: '名单如下。',
    lines: [],
    totals: null,
    attachmentIds: [],
    audience: { kind: 'village' },
    periodStart: null,
    periodEnd: null,
    requiresAck: false,
    major: false,
    coversPeriod: null,
  })
  await publication.publish(committee, id, {})
  const wang = mem.as('wang')
  const object = () => objections.object(wang, id, { text: '名单有误', photoIds: [] })
  const answer = (oid: number) => objections.answer(committee, oid, { text: '已核实', photoIds: [] })
  const official = {
    principal: viewerWith({ [TOWNSHIP]: ['township_official'] }, { accountId: 30 }).principal,
    viewer: viewerWith({ [TOWNSHIP]: ['township_official'] }, { accountId: 30 }),
    townshipId: TOWNSHIP,
    role: 'township_official' as const,
    actor: { accountId: 30, name: '赵建国', role: 'township_official' },
  }
  return { ...mem, objections, township, official, committee, wang, noticeId: id, object, answer }
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(AppException)
  return (e as AppException).code
}

describe('objection deadlines', () => {
  it('gives the committee the village’s reply days from the moment the objection is submitted', async () => {
    const s = await setUp(10)
    const o = await s.object()
    expect(new Date(o.dueAt).getTime() - new Date(o.submittedAt).getTime()).toBe(10 * DAY)
    expect(o).toMatchObject({ state: 'submitted', overdue: false, mine: true, objectorName: '王秀英' })
    expect(s.told.find((t) => t.kind === 'notice.objection')?.accountIds).toEqual([10])
  })

  it('takes an answer in time, tells the objector, and lets the objector accept it', async () => {
    const s = await setUp()
    const o = await s.object()
    s.clock.advance(14 * DAY)
    const answered = await s.answer(o.id)
    expect(answered).toMatchObject({ state: 'answered', overdue: false })
    expect(s.told.find((t) => t.kind === 'notice.objection_answered')?.accountIds).toEqual([41])
    expect(await s.objections.accept(s.wang, o.id)).toMatchObject({ state: 'accepted' })
    expect(await refusal(s.objections.escalate(s.wang, o.id, '不满意'))).toBe('OBJECTION_CLOSED')
  })

  it('keeps the objector from going to the township while the committee’s time runs', async () => {
    const s = await setUp()
    const o = await s.object()
    s.clock.advance(15 * DAY - 60_000)
    expect(await refusal(s.objections.escalate(s.wang, o.id, '太慢'))).toBe('OBJECTION_NOT_ANSWERED')
    expect(s.tables().objections[0]!.state).toBe('submitted')
  })

  it('shows an objection left unanswered past its limit as overdue, and lets the objector take it to the township', async () => {
    const s = await setUp()
    const o = await s.object()
    s.clock.advance(15 * DAY + 60_000)
    const [late] = await s.objectionReads.views(s.tables().objections, {
      accountId: 10,
      residentId: null,
      isCommittee: true,
      isSupervisor: false,
      isTownship: false,
      groupId: null,
    })
    expect(late).toMatchObject({ state: 'submitted', overdue: true })
    const up = await s.objections.escalate(s.wang, o.id, '超过 15 天没有答复')
    expect(up).toMatchObject({ state: 'escalated', overdue: false, escalationReason: '超过 15 天没有答复' })
    expect(s.told.find((t) => t.kind === 'notice.objection_escalated')).toEqual({
      kind: 'notice.objection_escalated',
      accountIds: [30],
      orgId: TOWNSHIP,
    })
  })

  it('still takes a late answer, which is no longer overdue', async () => {
    const s = await setUp()
    const o = await s.object()
    s.clock.advance(20 * DAY)
    expect(await s.answer(o.id)).toMatchObject({ state: 'answered', overdue: false })
    expect(await refusal(s.answer(o.id))).toBe('OBJECTION_ALREADY_ANSWERED')
  })

  it('keeps the limit an objection was given when the village shortens its reply days afterwards', async () => {
    const s = await setUp(15)
    const o = await s.object()
    s.village.settings.publicity.objectionReplyDays = 1
    s.clock.advance(2 * DAY)
    expect(await refusal(s.objections.escalate(s.wang, o.id, '两天了'))).toBe('OBJECTION_NOT_ANSWERED')
    expect((await s.objectionReads.one(s.wang, o.id)).overdue).toBe(false)
  })

  it('lets only the objector accept an answer or take it further', async () => {
    const s = await setUp()
    const o = await s.object()
    await s.answer(o.id)
    expect(await refusal(s.objections.accept(s.as('liu'), o.id))).toBe('OBJECTION_NOT_YOURS')
    expect(await refusal(s.objections.escalate(s.as('liu'), o.id, '不满意'))).toBe('OBJECTION_NOT_YOURS')
  })

  it('takes no objection once the publicity period ended', async () => {
    const s = await setUp()
    s.clock.advance(7 * DAY)
    expect(await refusal(s.object())).toBe('NOTICE_PERIOD_ENDED')
    expect(s.tables().objections).toEqual([])
  })

  it('lets the township answer only what was brought up to it', async () => {
    const s = await setUp()
    const o = await s.object()
    const answer = { text: '请村委会补充明细。', photoIds: [] }
    expect(await refusal(s.township.answer(s.official, o.id, answer))).toBe('OBJECTION_NOT_ESCALATED')
    await s.answer(o.id)
    await s.objections.escalate(s.wang, o.id, '答复没说清')
    expect(await s.township.answer(s.official, o.id, answer)).toMatchObject({ state: 'township_answered' })
    expect(s.told.at(-1)).toMatchObject({ kind: 'notice.objection_township_answered', accountIds: [41, 10] })
  })
})
