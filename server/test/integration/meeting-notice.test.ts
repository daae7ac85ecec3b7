import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chinaDay, chinaDayLabel, earliestMeetingAt } from '@xiangli/shared'
import { RoleAssignment } from '../../src/modules/roles/entities/role-assignment.entity'
import { expectError, under } from '../support/http'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { png } from '../support/images'
import { holdMeeting, lawfulMeeting, letPass, passTo, serverNow } from '../support/meetings'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const TEN_DAYS = { minDays: 10, agendaRequired: true, planRequired: false }

/**
 * The notice that counts for the notice days is the one actually given: the moment the system
 * published it, or a paper notice on the board, photographed, once a supervision-committee member
 * confirmed it. It never predates the step or lies in the future.
 */
describe(`the notice of a meeting on ${DIALECT}`, () => {
  let t: TestApp
  let uploads: string
  let village: number
  let secretary: string
  let committee: string
  let supervisor: string
  /** a deliberation at 决议, twelve days after 审议 passed */
  let id: number
  let reviewedAt: Date

  const base = () => `/api/villages/${village}/deliberations`
  const { post, get } = under(() => t, base)
  const upload = async (token: string): Promise<number> => {
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/uploads`,
      token,
      ...multipart('file', 'notice.png', png(6, 4), 'image/png'),
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  const ago = (ms: number) => new Date(serverNow(t).getTime() - ms)
  const hence = (ms: number) => new Date(Math.floor((serverNow(t).getTime() + ms) / 1000) * 1000)
  const decide = (over: Record<string, unknown>) =>
    post(committee, `/${id}/meetings`, lawfulMeeting(t, 'decide', 'villagers_meeting', over))

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'xiangli-notice-uploads-'))
    t = await startTestApp({ UPLOAD_DIR: uploads })
    village = (await villageIds(t.ds)).village
    secretary = await t.login('secretary')
    committee = await t.login('committee')
    supervisor = await t.login('supervisor')
  })
  afterAll(async () => {
    await t.close()
    rmSync(uploads, { recursive: true, force: true })
  })

  it('counts the party members’ three days for the plan from the notice the system published', async () => {
    const res = await post(secretary, '', {
      title: '修建村东头便民桥',
      content: '拟用集体资金修建一座水泥桥。',
      matterType: 'public_works',
      source: { kind: 'cadre' },
    })
    id = res.body.id
    const at = { token: secretary, villageId: village, deliberationId: id }
    await holdMeeting(t, { ...at, step: 'propose', body: 'party_branch' })
    await holdMeeting(t, { ...at, step: 'consult', body: 'joint_committees' })
    const short = await post(
      secretary,
      `/${id}/meetings`,
      lawfulMeeting(t, 'review', 'party_members_meeting', { meetingAt: hence(2 * DAY).toISOString() }),
    )
    expectError(short, 'DELIBERATION_NOTICE_TOO_SHORT')
    expect(short.body.details.minDays).toBe(3)
    await holdMeeting(t, { ...at, step: 'review', body: 'party_members_meeting' })
    reviewedAt = serverNow(t)
    letPass(t, 12 * DAY)
  })

  it('refuses a typed notice date: the notice counts from the moment the system publishes it', async () => {
    const typed = await decide({
      noticeAt: ago(11 * DAY).toISOString(),
      meetingAt: hence(HOUR).toISOString(),
    })
    expectError(typed, 'VALIDATION_FAILED')
    expect(JSON.stringify(typed.body.details)).toContain('以系统发出通知的时间为准')
  })

  it('refuses a villagers’ meeting within ten days of the notice, naming the earliest lawful day', async () => {
    const earliest = earliestMeetingAt(TEN_DAYS, serverNow(t))
    const res = await decide({ meetingAt: hence(9 * DAY).toISOString() })
    expectError(res, 'DELIBERATION_NOTICE_TOO_SHORT')
    expect(res.body.message).toContain(`最早${chinaDayLabel(earliest)}开会`)
    expect(res.body.details).toMatchObject({ minDays: 10, earliestDay: chinaDay(earliest) })
    // the schedule form is told the same day before it sends anything
    const preview = await get(committee, `/${id}/schedule-preview?body=villagers_meeting`)
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ earliestDay: chinaDay(earliest), composition: null })
    expect(new Date(preview.body.stepSince).getTime()).toBeLessThanOrEqual(reviewedAt.getTime())
  })

  it('refuses a paper notice without its photo, from the future, or from before the step began', async () => {
    const meetingAt = hence(HOUR).toISOString()
    expectError(
      await decide({ meetingAt, paperNotice: { postedAt: ago(11 * DAY).toISOString(), photoIds: [] } }),
      'VALIDATION_FAILED',
    )
    const photo = await upload(committee)
    const future = await decide({
      meetingAt,
      paperNotice: { postedAt: hence(HOUR).toISOString(), photoIds: [photo] },
    })
    expectError(future, 'DELIBERATION_PAPER_NOTICE_INVALID')
    const earliest = earliestMeetingAt(TEN_DAYS, serverNow(t))
    expect(future.body.message).toContain(`最早${chinaDayLabel(earliest)}开会`)
    expect(future.body.details).toMatchObject({ earliestDay: chinaDay(earliest) })
    const older = await decide({
      meetingAt,
      paperNotice: { postedAt: new Date(reviewedAt.getTime() - DAY).toISOString(), photoIds: [photo] },
    })
    expectError(older, 'DELIBERATION_PAPER_NOTICE_INVALID')
    expect(older.body.message).toContain('早于这一步开始的时间')
    // nothing was scheduled, and the photo is still the uploader's to use
    expect((await get(committee, `/${id}`)).body.phase).toBe('pending')
  })

  it('leans a meeting on a paper notice, but opens it only once a supervisor confirmed the photo', async () => {
    const photo = await upload(committee)
    const postedAt = new Date(Math.floor(ago(11 * DAY).getTime() / 1000) * 1000)
    const meetingAt = hence(2 * HOUR)
    const scheduled = await decide({
      meetingAt: meetingAt.toISOString(),
      paperNotice: { postedAt: postedAt.toISOString(), photoIds: [photo] },
    })
    expect(scheduled.status).toBe(201)
    const meeting = scheduled.body.meetings.at(-1)
    const path = `/${id}/meetings/${meeting.id}`
    // until confirmed, the notice that counts is the system's
    expect(meeting).toMatchObject({ paperNoticePending: true, countedNoticeAt: meeting.noticeAt })
    expect(scheduled.body.nextActor).toMatchObject({ roles: ['supervisor'], isMe: false })
    expect(scheduled.body.nextActor.text).toContain('赵国强')
    expect(scheduled.body.nextActor.text).toContain('确认纸质通知')
    const view = (await get(supervisor, path)).body
    expect(view.paperNotice).toMatchObject({
      postedAt: postedAt.toISOString(),
      confirmedAt: null,
      recordedBy: '张丽',
    })
    expect(view.paperNotice.photos.map((p: { id: number }) => p.id)).toEqual([photo])
    expect(view.canConfirmPaperNotice).toBe(true)
    const asked = await t.request({ method: 'GET', url: '/api/inbox?pageSize=100', token: supervisor })
    expect(asked.body.items.map((n: { kind: string }) => n.kind)).toContain(
      'deliberation.paper_notice_recorded',
    )

    passTo(t, meetingAt)
    const unconfirmed = await post(committee, `${path}/open`)
    expectError(unconfirmed, 'DELIBERATION_PAPER_NOTICE_UNCONFIRMED')
    // the committee cannot vouch for its own notice
    expectError(await post(committee, `${path}/paper-notice/confirm`), 'FORBIDDEN')
    const confirmed = await post(supervisor, `${path}/paper-notice/confirm`)
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({
      countedNoticeAt: postedAt.toISOString(),
      paperNotice: { confirmedBy: '赵国强' },
      canConfirmPaperNotice: false,
    })
    expectError(await post(supervisor, `${path}/paper-notice/confirm`), 'DELIBERATION_PAPER_NOTICE_CONFIRMED')
    expect((await post(committee, `${path}/open`)).status).toBe(200)
    const logged = await t.ds.query(
      `SELECT action FROM audit_entry WHERE targetType = 'deliberation_meeting' AND targetId = ? ORDER BY seq`,
      [String(meeting.id)],
    )
    expect(logged.map((r: { action: string }) => r.action)).toEqual([
      'deliberation.paper_notice_recorded',
      'deliberation.paper_notice_confirmed',
    ])
  })

  it('does not let the one who recorded a paper notice confirm it', async () => {
    // the secretary is also put on the supervision committee, against the rules, by an insider
    const [secretaryRow] = await t.ds.query(
      `SELECT id FROM resident WHERE villageId = ? AND name = '李建华'`,
      [village],
    )
    await t.ds.getRepository(RoleAssignment).insert({
      orgId: village,
      role: 'supervisor',
      residentId: Number(secretaryRow.id),
      accountId: null,
      holder: `r:${secretaryRow.id}`,
    })
    try {
      const res = await post(secretary, '', {
        title: '修缮村委会会议室',
        content: '会议室屋顶漏雨，拟修缮。',
        matterType: 'ordinary',
        source: { kind: 'cadre' },
      })
      const photo = await upload(secretary)
      letPass(t, 5 * MIN)
      const scheduled = await post(
        secretary,
        `/${res.body.id}/meetings`,
        lawfulMeeting(t, 'propose', 'party_branch', {
          meetingAt: hence(HOUR).toISOString(),
          paperNotice: { postedAt: ago(MIN).toISOString(), photoIds: [photo] },
        }),
      )
      expect(scheduled.status).toBe(201)
      const path = `/${res.body.id}/meetings/${scheduled.body.meetings.at(-1).id}`
      const own = await t.login('secretary')
      expect((await get(own, path)).body.canConfirmPaperNotice).toBe(false)
      expectError(await post(own, `${path}/paper-notice/confirm`), 'DELIBERATION_PAPER_NOTICE_OWN')
      expect((await post(supervisor, `${path}/paper-notice/confirm`)).status).toBe(200)
    } finally {
      await t.ds.query(
        `DELETE FROM role_assignment WHERE orgId = ? AND role = 'supervisor' AND residentId = ?`,
        [village, secretaryRow.id],
      )
    }
  })
})
