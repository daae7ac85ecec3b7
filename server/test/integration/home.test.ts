import type { HomeSummary } from '@xiangli/shared'
import { CertificateRequest } from '../../src/modules/certificates/entities/certificate-request.entity'
import { DeliberationMeetingMember } from '../../src/modules/deliberations/entities/meeting-member.entity'
import { DeliberationMeeting } from '../../src/modules/deliberations/entities/meeting.entity'
import { Petition } from '../../src/modules/deliberations/entities/petition.entity'
import { Grievance } from '../../src/modules/grievances/entities/grievance.entity'
import { NoticeRead } from '../../src/modules/notices/entities/notice-read.entity'
import { NoticeObjection } from '../../src/modules/notices/entities/notice-objection.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { serverNow } from '../support/meetings'

const DAY = 86_400_000

/**
 * The village home in one call: each count is checked against a village whose waiting work the test
 * set up itself, so every number is known exactly.
 */
describe(`the village home on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  /** 王秀英, a resident */
  let resident: string
  let residentAccount: number
  let residentId: number
  /** 张丽, committee member */
  let committee: string
  /** 李建华, party secretary */
  let secretary: string
  /** 赵国强, supervision committee */
  let supervisor: string
  /** 赵建国, official of 柳林镇 */
  let township: string

  const home = async (token: string): Promise<HomeSummary> => {
    const res = await t.request({ method: 'GET', url: `/api/villages/${village}/home`, token })
    expect(res.status).toBe(200)
    return res.body
  }
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url: `/api/villages/${village}${url}`, token, body })

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    ;[resident, committee, secretary, supervisor, township] = await Promise.all(
      ['resident', 'committee', 'secretary', 'supervisor', 'township'].map((k) => t.login(k)),
    )
    const wang = await t.ds.getRepository(Resident).findOneByOrFail({ name: '王秀英', villageId: village })
    residentAccount = wang.accountId!
    residentId = wang.id

    // the demo village's own waiting work goes, so that what follows is all there is
    const templates = {
      grievance: await t.ds.getRepository(Grievance).findOneByOrFail({ villageId: village }),
      certificate: await t.ds.getRepository(CertificateRequest).findOneByOrFail({ villageId: village }),
    }
    for (const table of ['grievance', 'certificate_request', 'notice_objection', 'petition', 'deliberation'])
      await t.ds.query(`DELETE FROM ${table} WHERE villageId = ?`, [village])
    // every notice published so far has been read by the resident
    const notices: { id: number | string; version: number | string }[] = await t.ds.query(
      'SELECT id, version FROM public_notice WHERE villageId = ? AND version > 0',
      [village],
    )
    await t.ds.getRepository(NoticeRead).save(
      notices.map((n) => ({
        noticeId: Number(n.id),
        accountId: residentAccount,
        version: Number(n.version),
        readAt: serverNow(t),
      })),
    )

    const now = serverNow(t)
    const grievances = t.ds.getRepository(Grievance)
    const issue = (o: Partial<Grievance>) => {
      const { id: _id, createdAt: _c, ...rest } = templates.grievance
      return grievances.save({ ...rest, rating: null, ...o })
    }
    // 3 to accept (1 of them overdue), 2 to answer (1 overdue), 2 answered for 王秀英 to rate,
    // 1 answered and rated by someone else, 1 closed
    await issue({ state: 'submitted', dueAt: new Date(now.getTime() - DAY) })
    await issue({ state: 'submitted', dueAt: new Date(now.getTime() + DAY) })
    await issue({ state: 'submitted', dueAt: new Date(now.getTime() + DAY) })
    await issue({ state: 'accepted', dueAt: new Date(now.getTime() - DAY) })
    await issue({ state: 'reopened', dueAt: new Date(now.getTime() + DAY) })
    await issue({ state: 'answered', dueAt: null, raiserAccountId: residentAccount })
    await issue({ state: 'answered', dueAt: null, raiserAccountId: residentAccount })
    await issue({ state: 'answered', dueAt: null, raiserAccountId: residentAccount + 1000 })
    await issue({ state: 'closed', dueAt: null, raiserAccountId: residentAccount, rating: 5 })

    // certificates: 2 submitted + 1 resubmitted to approve; 王秀英 has 1 returned to her, another person 1
    const certificates = t.ds.getRepository(CertificateRequest)
    const request = (o: Partial<CertificateRequest>) => {
      const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = templates.certificate
      return certificates.save({ ...rest, number: null, ...o })
    }
    await request({ state: 'submitted' })
    await request({ state: 'submitted' })
    await request({ state: 'resubmitted' })
    await request({ state: 'more_info_requested', applicantAccountId: residentAccount })
    await request({ state: 'more_info_requested', applicantAccountId: residentAccount + 1000 })
    await request({ state: 'refused', applicantAccountId: residentAccount })

    // objections: 2 waiting for an answer, 1 answered
    const noticeId = Number(
      (await t.ds.query('SELECT id FROM public_notice WHERE villageId = ? AND version > 0', [village]))[0].id,
    )
    const objection = (state: NoticeObjection['state']) =>
      t.ds.getRepository(NoticeObjection).save({
        noticeId,
        villageId: village,
        objectorAccountId: residentAccount,
        objectorName: '王秀英',
        text: '数字对不上',
        photoIds: null,
        state,
        submittedAt: now,
        dueAt: new Date(now.getTime() + 15 * DAY),
        answer: null,
        answerPhotoIds: null,
        answeredAt: null,
        answeredByAccountId: null,
        answeredByName: null,
        acceptedAt: null,
        escalationReason: null,
      })
    await objection('submitted')
    await objection('submitted')
    await objection('answered')

    // petitions: 1 reached, 1 still open
    const petition = (status: Petition['status']) =>
      t.ds.getRepository(Petition).save({
        villageId: village,
        target: 'villagers_meeting',
        title: '召开村民会议',
        text: '商量修路',
        rule: { criteria: ['adults'], fraction: { num: 1, den: 10 } } as unknown as Petition['rule'],
        totals: {},
        status,
        initiatorAccountId: residentAccount,
        initiatorResidentId: residentId,
        initiatorName: '王秀英',
        reachedAt: status === 'reached' ? now : null,
        deliberationId: null,
        withdrawnAt: null,
      })
    await petition('reached')
    await petition('open')

    // deliberations: 2 started, each waiting for the party secretary to propose
    const started: number[] = []
    for (const title of ['修缮村委会屋顶', '安装路灯']) {
      const res = await post('/deliberations', committee, {
        title,
        content: '拟办此事。',
        matterType: 'ordinary',
        source: { kind: 'cadre' },
      })
      expect(res.status).toBe(201)
      started.push(res.body.id)
    }
    // 王秀英 is called to two meetings (the later one listed second); a held one is not listed
    const meeting = async (deliberationId: number, at: Date, status: DeliberationMeeting['status']) => {
      const m = await t.ds.getRepository(DeliberationMeeting).save({
        deliberationId,
        villageId: village,
        step: 'decide',
        body: 'villagers_meeting',
        meetingAt: at,
        noticeAt: now,
        checkInLeadMinutes: 30,
        paperNoticeAt: null,
        paperNoticeByAccountId: null,
        paperNoticeByName: null,
        paperNoticeConfirmedAt: null,
        paperNoticeConfirmedByAccountId: null,
        paperNoticeConfirmedByName: null,
        location: at.getTime() > now.getTime() + 5 * DAY ? '村文化礼堂' : '村委会会议室',
        agenda: '议程',
        ballot: 'open',
        status,
        scheduledByAccountId: residentAccount,
      } as Partial<DeliberationMeeting>)
      await t.ds.getRepository(DeliberationMeetingMember).save({
        meetingId: m.id,
        residentId,
        name: '王秀英',
        householdId: 1,
      })
      return m.id
    }
    const atWhole = (ms: number) => new Date(Math.floor((now.getTime() + ms) / 1000) * 1000)
    await meeting(started[0], atWhole(10 * DAY), 'scheduled')
    await meeting(started[1], atWhole(3 * DAY), 'scheduled')
    await meeting(started[1], atWhole(-3 * DAY), 'closed')

    // two new notices for the whole village
    for (const title of ['十二月财务公开', '冬季防火提醒']) {
      const c = await post('/notices', committee, { category: 'village', title, body: '内容' })
      expect(c.status).toBe(201)
      expect((await post(`/notices/${c.body.id}/publish`, committee)).status).toBe(200)
    }
  })
  afterAll(async () => t.close())

  it('tells a resident what waits on them: new notices, meetings, answers to rate, requests to resubmit', async () => {
    const s = await home(resident)
    expect(s.waiting).toBeNull()
    expect({ ...s.mine, meetings: s.mine.meetings.map((m) => [m.title, m.place, m.body]) }).toEqual({
      newNotices: 2,
      meetings: [
        ['安装路灯', '村委会会议室', 'villagers_meeting'],
        ['修缮村委会屋顶', '村文化礼堂', 'villagers_meeting'],
      ],
      toRate: 2,
      toResubmit: 1,
    })
    expect(new Date(s.mine.meetings[0].at).getTime()).toBeLessThan(new Date(s.mine.meetings[1].at).getTime())
  })

  it('counts a notice as seen once the resident opens it', async () => {
    const [first] = (
      await t.request({ method: 'GET', url: `/api/villages/${village}/notices?unread=true`, token: resident })
    ).body.items
    await t.request({ method: 'GET', url: `/api/villages/${village}/notices/${first.id}`, token: resident })
    expect((await home(resident)).mine.newNotices).toBe(1)
  })

  it('gives a committee member the count of each kind of work waiting', async () => {
    expect((await home(committee)).waiting).toEqual({
      grievancesToAccept: 3,
      grievancesToAnswer: 2,
      grievancesOverdue: 2,
      certificatesToApprove: 3,
      objectionsToAnswer: 2,
      deliberationsWaiting: 0,
      petitionsReached: 1,
      noticesToReview: 0,
    })
  })

  it('opens each count as its queue filtered to the same items', async () => {
    const total = async (path: string) =>
      (await t.request({ method: 'GET', url: `/api/villages/${village}${path}`, token: committee })).body
        .total
    expect([
      await total('/grievances?status=submitted'),
      await total('/grievances?toAnswer=true'),
      await total('/grievances?overdue=true'),
      (await total('/certificates/requests?status=submitted')) +
        (await total('/certificates/requests?status=resubmitted')),
      await total('/notice-objections?state=submitted'),
      await total('/petitions?status=reached'),
    ]).toEqual([3, 2, 2, 3, 2, 1])
  })

  it('counts for the party secretary the deliberations waiting for him to propose', async () => {
    const w = (await home(secretary)).waiting!
    expect([w.deliberationsWaiting, w.grievancesToAccept, w.petitionsReached]).toEqual([2, 3, 1])
  })

  it('gives the supervision committee the notices to review and none of the 两委’s queues', async () => {
    const c = await post('/notices', committee, { category: 'village', title: '待审核的公告', body: '内容' })
    expect(c.status).toBe(201)
    await t.ds.query(`UPDATE public_notice SET state = 'in_review' WHERE id = ?`, [c.body.id])
    const w = (await home(supervisor)).waiting!
    expect(w).toEqual({
      grievancesToAccept: 0,
      grievancesToAnswer: 0,
      grievancesOverdue: 0,
      certificatesToApprove: 0,
      objectionsToAnswer: 0,
      deliberationsWaiting: 0,
      petitionsReached: 0,
      noticesToReview: 1,
    })
  })

  it('shows a township official looking in no committee queues', async () => {
    const s = await home(township)
    expect(s.waiting).toBeNull()
    expect(s.mine.meetings).toEqual([])
  })
})
