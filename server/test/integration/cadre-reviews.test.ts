import type { NotificationView, ReviewView, RoleHolderView, TownshipReviewRow } from '@xiangli/shared'
import { reviewSealsCheck } from '../../src/modules/cadre-reviews/review-seal'
import { expectError } from '../support/http'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { letPass, passTo, serverNow } from '../support/meetings'
import { memberTokens } from '../support/village'

const HOUR = 3_600_000

/**
 * 民主评议 (Art 33) through the real server: the supervision committee opens a year's review, the
 * cadres report, the representatives' meeting rates each on one secret ballot, the result is
 * published and sealed, and a second 不称职 in a row ends the post and tells the township.
 */
describe(`民主评议 (democratic review of cadres) on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; township: number }
  let supervisor: string
  let committee: string
  let secretary: string
  let resident: string
  let township: string

  const base = () => `/api/villages/${ids.village}/cadre-reviews`
  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const put = (url: string, token: string, body: unknown) => t.request({ method: 'PUT', url, token, body })

  /** Opens a year's review and has every listed cadre submit their report. */
  async function openWithReports(year: number): Promise<ReviewView> {
    const opened = await post(base(), supervisor, { year })
    expect(opened.status).toBe(201)
    const review = opened.body as ReviewView
    for (const s of review.subjects) {
      const [token] = await memberTokens(t, [{ residentId: s.residentId }])
      const res = await put(`${base()}/${review.id}/subjects/${s.id}/report`, token!, {
        text: `${s.name}${year}年述职：做了道路硬化和村务公开。`,
      })
      expect(res.status).toBe(200)
    }
    return (await get(`${base()}/${review.id}`, supervisor)).body
  }

  /** Schedules a representatives' meeting an hour from now and opens it at its time. */
  async function meetingOf(
    id: number,
  ): Promise<{ members: { residentId: number; name: string; token: string }[] }> {
    const meetingAt = new Date(Math.floor((serverNow(t).getTime() + HOUR) / 1000) * 1000)
    const res = await post(`${base()}/${id}/meeting`, supervisor, {
      body: 'representatives_meeting',
      meetingAt: meetingAt.toISOString(),
      location: '村委会会议室',
    })
    expect(res.status).toBe(201)
    passTo(t, meetingAt)
    expect((await post(`${base()}/${id}/meeting/open`, supervisor)).status).toBe(200)
    const rows = (await t.ds.query(
      'SELECT residentId, name FROM cadre_review_member WHERE meetingId = ? ORDER BY id',
      [res.body.meeting.id],
    )) as { residentId: number | string; name: string }[]
    const residents = rows.map((r) => ({ residentId: Number(r.residentId), name: r.name }))
    const tokens = await memberTokens(t, residents)
    return { members: residents.map((r, i) => ({ ...r, token: tokens[i]! })) }
  }

  /** Every member checks in and rates: `rate(subjectName)` says what. */
  async function everyoneVotes(
    review: ReviewView,
    members: { token: string }[],
    rate: (name: string) => 'competent' | 'basic' | 'incompetent',
  ) {
    for (const m of members) {
      expect((await post(`${base()}/${review.id}/meeting/check-in`, m.token)).status).toBe(200)
      const res = await post(`${base()}/${review.id}/meeting/ballot`, m.token, {
        ratings: review.subjects.map((s) => ({ subjectId: s.id, rating: rate(s.name) })),
      })
      expect(res.status).toBe(200)
    }
  }

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    ;[supervisor, committee, secretary, resident, township] = await Promise.all(
      ['supervisor', 'committee', 'secretary', 'resident', 'township'].map((k) => t.login(k)),
    )
  })
  afterAll(() => t?.close())

  it('shows the demo village’s finished review of last year to a resident', async () => {
    const list = (await get(base(), resident)).body as { id: number; status: string; year: number }[]
    const past = list.find((r) => r.status === 'published')
    expect(past).toBeDefined()
    const view = (await get(`${base()}/${past!.id}`, resident)).body as ReviewView
    expect(view.result?.valid).toBe(true)
    expect(view.result?.persons.length).toBe(view.subjects.length)
    expect(view.result?.persons.every((p) => p.valid === view.result!.ballots)).toBe(true)
  })

  describe('a review from opening to its published result', () => {
    let review: ReviewView
    let members: { residentId: number; name: string; token: string }[]

    it('is opened by the supervision committee only, once a year, with the committee listed', async () => {
      expectError(await post(base(), committee, { year: 2040 }), 'REVIEW_NOT_SUPERVISOR')
      review = await openWithReports(2040)
      expect(review.subjects.map((s) => s.name).sort()).toEqual(['张丽', '李建华', '杨文斌'].sort())
      expect(review.subjects.every((s) => s.report !== null)).toBe(true)
      expectError(await post(base(), supervisor, { year: 2040 }), 'REVIEW_YEAR_TAKEN')
    })

    it('lists paid staff from the roster and refuses what is not so', async () => {
      const [wang] = (await t.ds.query("SELECT id FROM resident WHERE name = '王德福'")) as { id: number }[]
      const url = `${base()}/${review.id}/subjects`
      expectError(
        await post(url, supervisor, { residentId: Number(wang!.id), post: 'committee_member' }),
        'REVIEW_SUBJECT_POST_NOT_HELD',
      )
      expectError(
        await post(url, supervisor, { residentId: 999999, post: 'staff' }),
        'REVIEW_SUBJECT_NOT_ON_ROSTER',
      )
      const added = await post(url, supervisor, { residentId: Number(wang!.id), post: 'staff' })
      expect(added.status).toBe(200)
      expectError(
        await post(url, supervisor, { residentId: Number(wang!.id), post: 'staff' }),
        'REVIEW_SUBJECT_ALREADY_LISTED',
      )
      const subject = (added.body as ReviewView).subjects.find((s) => s.name === '王德福')!
      // nobody but the person writes their report, and the meeting waits for it
      expectError(
        await put(`${url}/${subject.id}/report`, secretary, { text: '代写' }),
        'REVIEW_NOT_THE_SUBJECT',
      )
      expectError(
        await post(`${base()}/${review.id}/meeting`, supervisor, {
          body: 'representatives_meeting',
          meetingAt: new Date(serverNow(t).getTime() + HOUR).toISOString(),
          location: '村委会',
        }),
        'REVIEW_REPORTS_MISSING',
      )
      expect(
        (await t.request({ method: 'DELETE', url: `${url}/${subject.id}`, token: supervisor })).status,
      ).toBe(200)
    })

    it('holds the meeting: members check in and cast one secret ballot each', async () => {
      ;({ members } = await meetingOf(review.id))
      expect(members.length).toBeGreaterThanOrEqual(3)
      // 王秀英 is no member of the representatives' meeting
      expectError(await post(`${base()}/${review.id}/meeting/check-in`, resident), 'REVIEW_NOT_A_MEMBER')
      const [first, ...rest] = members
      const ballot = { ratings: review.subjects.map((s) => ({ subjectId: s.id, rating: 'competent' })) }
      expectError(
        await post(`${base()}/${review.id}/meeting/ballot`, first!.token, ballot),
        'REVIEW_NOT_CHECKED_IN',
      )
      expect((await post(`${base()}/${review.id}/meeting/check-in`, first!.token)).status).toBe(200)
      expectError(
        await post(`${base()}/${review.id}/meeting/check-in`, first!.token),
        'REVIEW_ALREADY_CHECKED_IN',
      )
      expectError(
        await post(`${base()}/${review.id}/meeting/ballot`, first!.token, {
          ratings: [...ballot.ratings, { subjectId: 999999, rating: 'competent' }],
        }),
        'REVIEW_UNKNOWN_SUBJECT',
      )
      expectError(
        await post(`${base()}/${review.id}/meeting/ballot`, first!.token, {
          ratings: ballot.ratings.slice(1),
        }),
        'REVIEW_BALLOT_INCOMPLETE',
      )
      expect((await post(`${base()}/${review.id}/meeting/ballot`, first!.token, ballot)).status).toBe(200)
      expectError(
        await post(`${base()}/${review.id}/meeting/ballot`, first!.token, ballot),
        'REVIEW_ALREADY_VOTED',
      )
      // 张丽 is rated 不称职 by all the others
      await everyoneVotes(review, rest, (name) => (name === '张丽' ? 'incompetent' : 'competent'))
    })

    it('keeps who voted and what was voted in tables that cannot be joined', async () => {
      const cols = async (table: string) =>
        DIALECT === 'mysql'
          ? (
              (await t.ds.query(
                'SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
                [table],
              )) as { name: string }[]
            ).map((c) => c.name)
          : ((await t.ds.query(`PRAGMA table_info(${table})`)) as { name: string }[]).map((c) => c.name)
      expect((await cols('cadre_review_turnout')).sort()).toEqual(['meetingId', 'memberId'])
      expect((await cols('cadre_review_rating')).sort()).toEqual(['id', 'meetingId', 'rating', 'subjectId'])
      // no timestamp, no sequence: the ratings' keys are random, not in the order they were cast
      const ids = ((await t.ds.query('SELECT id FROM cadre_review_rating')) as { id: string }[]).map(
        (r) => r.id,
      )
      expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true)
    })

    it('closes, rates each person by the rule and publishes; only the supervision committee closes', async () => {
      expectError(await post(`${base()}/${review.id}/meeting/close`, committee), 'REVIEW_NOT_SUPERVISOR')
      const closed = await post(`${base()}/${review.id}/meeting/close`, supervisor)
      expect(closed.status).toBe(200)
      const view = closed.body as ReviewView
      expect(view.status).toBe('published')
      expect(view.result?.valid).toBe(true)
      const byName = new Map(view.result!.persons.map((p) => [p.name, p]))
      expect(byName.get('张丽')).toMatchObject({
        rating: 'incompetent',
        postEnded: false,
        counts: { competent: 1, basic: 0, incompetent: members.length - 1 },
      })
      expect(byName.get('李建华')).toMatchObject({ rating: 'competent', postEnded: false })
      expectError(await post(`${base()}/${review.id}/meeting/close`, supervisor), 'REVIEW_PUBLISHED')
      // the resident reads it; the chain holds it, with the ballots sealed by count
      expect(
        ((await get(`${base()}/${review.id}`, resident)).body as ReviewView).result?.persons,
      ).toHaveLength(3)
      const entries = (await t.ds.query(
        "SELECT targetId FROM audit_entry WHERE action = 'cadre_review.published'",
      )) as { targetId: string }[]
      expect(entries.map((e) => Number(e.targetId))).toContain(view.result!.meetingId)
      expect(await reviewSealsCheck(t.ds.manager)).toBeNull()
      // a rating added behind the application's back no longer matches the chain
      const forged = '00000000-0000-4000-8000-000000000000'
      await t.ds.query(
        'INSERT INTO cadre_review_rating (id, meetingId, subjectId, rating) VALUES (?, ?, ?, ?)',
        [forged, view.result!.meetingId, byName.get('张丽')!.subjectId, 'competent'],
      )
      expect(await reviewSealsCheck(t.ds.manager)).toMatchObject({ table: 'cadre_review_outcome' })
      await t.ds.query('DELETE FROM cadre_review_rating WHERE id = ?', [forged])
      expect(await reviewSealsCheck(t.ds.manager)).toBeNull()
    })
  })

  it('records a meeting short of its quorum as not valid, and a new meeting can follow', async () => {
    const review = await openWithReports(2041)
    const { members } = await meetingOf(review.id)
    await everyoneVotes(review, members.slice(0, 1), () => 'incompetent')
    // paper ballots cannot outnumber those present
    expectError(
      await post(`${base()}/${review.id}/meeting/close`, supervisor, { paperBallots: 2 }),
      'REVIEW_PAPER_COUNT_INVALID',
    )
    const closed = (await post(`${base()}/${review.id}/meeting/close`, supervisor)).body as ReviewView
    expect(closed.status).toBe('meeting')
    expect(closed.result).toMatchObject({ valid: false, persons: [] })
    expect(closed.result?.reason).toContain('未达到法定人数')
    letPass(t, HOUR)
    const again = await meetingOf(review.id)
    // the second meeting: two members vote on paper, the rest in the app; 张丽 不称职 again (as in 2040)
    const [p1, p2, ...app] = again.members
    const view = (await get(`${base()}/${review.id}`, supervisor)).body as ReviewView
    const paperIds = view
      .meeting!.members!.filter((x) => [p1, p2].some((p) => p!.name === x.name))
      .map((x) => x.id)
    expect(
      (await post(`${base()}/${review.id}/meeting/paper-sign-in`, supervisor, { memberIds: paperIds }))
        .status,
    ).toBe(200)
    expectError(
      await post(`${base()}/${review.id}/meeting/paper-sign-in`, supervisor, { memberIds: [999999] }),
      'REVIEW_NOT_A_MEMBER',
    )
    await everyoneVotes(review, app, (name) => (name === '张丽' ? 'incompetent' : 'basic'))
    const paper = review.subjects.map((s) =>
      s.name === '张丽'
        ? { subjectId: s.id, competent: 2, basic: 0, incompetent: 0 }
        : { subjectId: s.id, competent: 0, basic: 1, incompetent: 0 },
    )
    expectError(
      await post(`${base()}/${review.id}/meeting/close`, supervisor, {
        paperBallots: 2,
        paper: paper.map((p) => ({ ...p, basic: p.basic + 2 })),
      }),
      'REVIEW_PAPER_COUNT_INVALID',
    )
    const published = (
      await post(`${base()}/${review.id}/meeting/close`, supervisor, { paperBallots: 2, paper })
    ).body as ReviewView
    expect(published.result).toMatchObject({ paperBallots: 2, ballots: app.length })
    expect(published.status).toBe('published')
    const zhang = published.result!.persons.find((p) => p.name === '张丽')!
    expect(zhang).toMatchObject({
      rating: 'incompetent',
      postEnded: true,
      counts: { competent: 2, basic: 0, incompetent: app.length },
    })
    // the post ended: the role is gone, audited, and the township is told and sees it
    const roles = (await get(`/api/villages/${ids.village}/roles`, supervisor)).body as RoleHolderView[]
    expect(roles.some((r) => r.name === '张丽' && r.role === 'committee_member')).toBe(false)
    const removed = (await t.ds.query(
      "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'role.removed'",
    )) as {
      n: number | string
    }[]
    expect(Number(removed[0]!.n)).toBeGreaterThan(0)
    const inbox = (await get('/api/inbox?pageSize=100', township)).body.items as NotificationView[]
    expect(inbox.some((n) => n.title.includes('张丽') && n.title.includes('职务终止'))).toBe(true)
    const rows = (await get(`/api/townships/${ids.township}/cadre-reviews`, township))
      .body as TownshipReviewRow[]
    const row = rows.find((r) => r.reviewId === review.id)!
    expect(row.postsEnded.map((p) => p.name)).toEqual(['张丽'])
  })
})
