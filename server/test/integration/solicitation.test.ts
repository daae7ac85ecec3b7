import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Deliberation } from '../../src/modules/deliberations/entities/deliberation.entity'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { expectError, under } from '../support/http'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { addAccount, tokenFor } from '../support/factories'
import { png } from '../support/images'
import { lawfulMeeting, meetingMembers, openMeeting } from '../support/meetings'

const DAY = 86_400_000

/**
 * 一征三议两公开 on 新华社区, from the opinion window to the published results, and the records a
 * meeting keeps (minutes, attachments, township attendees).
 */
describe(`一征 and meeting records on ${DIALECT}`, () => {
  let t: TestApp
  let uploads: string
  let community: number
  /** 钱卫东: party secretary and committee member of 新华社区 */
  let secretary: string
  /** 许静: committee member */
  let committee: string
  /** 曹丽娟: a resident */
  let resident: string
  /** 彭飞: another resident */
  let neighbour: string
  /** 蒋振宇: supervisor */
  let supervisor: string
  /** 赵建国: official of 柳林镇 */
  let township: string
  let townshipAccountId: number

  const base = () => `/api/villages/${community}/deliberations`
  const { post, get } = under(() => t, base)
  const tokenOfName = async (name: string): Promise<string> => {
    const r = await t.ds.getRepository(Resident).findOneByOrFail({ name, villageId: community })
    let accountId = r.accountId
    if (accountId === null) {
      accountId = (await addAccount(t, { displayName: r.name })).id
      await t.ds.getRepository(Resident).update({ id: r.id }, { accountId })
    }
    return tokenFor(t, accountId)
  }
  const upload = async (token: string): Promise<number> => {
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${community}/uploads`,
      token,
      ...multipart('file', 'photo.png', png(4, 3), 'image/png'),
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  const readFile = (token: string, id: number) => t.request({ method: 'GET', url: `/api/files/${id}`, token })
  const members = async (meetingId: number): Promise<number[]> =>
    (await meetingMembers(t, meetingId)).map((m) => m.id)

  /** Schedules and opens a meeting (see support/meetings), signs everyone in on paper. */
  const convene = async (token: string, id: number, step: string, body: string) => {
    const { meetingId, members: list } = await openMeeting(t, {
      token,
      villageId: community,
      deliberationId: id,
      step,
      body,
      over: { location: '社区议事厅', agenda: '老旧小区加装电梯' },
    })
    expect(list.length).toBeGreaterThan(0)
    expect(
      (await post(token, `/${id}/meetings/${meetingId}/paper-sign-in`, { memberIds: list.map((m) => m.id) }))
        .status,
    ).toBe(200)
    return { meetingId, due: list.length }
  }
  const closeAllYes = (token: string, id: number, meetingId: number, present: number) =>
    post(token, `/${id}/meetings/${meetingId}/close`, { counted: { yes: present, no: 0, abstain: 0 } })

  /** Moves the opinion window into the past, as if its days had gone by. */
  const windowPassed = async (id: number) => {
    const d = await t.ds.getRepository(Deliberation).findOneByOrFail({ id })
    const state = {
      ...d.state,
      solicitationOpensAt: new Date(Date.now() - 7 * DAY).toISOString(),
      solicitationClosesAt: new Date(Date.now() - 1000).toISOString(),
    }
    await t.ds.getRepository(Deliberation).update({ id }, { state })
  }

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'xiangli-solicitation-uploads-'))
    t = await startTestApp({ UPLOAD_DIR: uploads })
    community = (await villageIds(t.ds)).community
    secretary = await tokenOfName('钱卫东')
    committee = await tokenOfName('许静')
    resident = await t.login('community_resident')
    neighbour = await tokenOfName('彭飞')
    supervisor = await tokenOfName('蒋振宇')
    township = await t.login('township')
    townshipAccountId = Number(
      (await t.ds.query(`SELECT id FROM account WHERE displayName = '赵建国'`))[0].id,
    )
  })
  afterAll(async () => {
    await t.close()
    rmSync(uploads, { recursive: true, force: true })
  })

  describe('a whole 一征三议两公开 on 新华社区', () => {
    let id: number
    let photo: number
    let decideMeeting: number
    let decideDue: number

    it('starts at 一征, with no window open yet', async () => {
      const attachment = await upload(secretary)
      const res = await post(secretary, '', {
        title: '3 栋加装电梯',
        content: '3 栋居民申请加装电梯，费用按楼层分摊，拟征求全体居民意见后议定。',
        matterType: 'public_works',
        source: { kind: 'cadre' },
        attachmentIds: [attachment],
      })
      expect(res.status).toBe(201)
      id = res.body.id
      expect(res.body).toMatchObject({
        step: 'solicit',
        phase: 'pending',
        procedure: { variant: 'yizheng_sanyi_liang_gongkai' },
        solicitation: { opensAt: null, closesAt: null, accepting: false, opinionCount: 0 },
        opinionSummary: null,
      })
      expect(res.body.procedure.steps.map((s: { key: string }) => s.key)).toEqual([
        'solicit',
        'propose',
        'consult',
        'decide',
        'publish_resolution',
        'publish_results',
      ])
      expect(res.body.attachments).toEqual([expect.objectContaining({ id: attachment, mime: 'image/png' })])
      expect((await readFile(resident, attachment)).status).toBe(200)
      expect(res.body.actions).toEqual(expect.arrayContaining(['open']))
      expectError(
        await post(resident, `/${id}/opinions`, { text: '支持' }),
        'DELIBERATION_SOLICITATION_NOT_STARTED',
      )
    })

    it('refuses a file that is not the creator’s own fresh upload', async () => {
      const theirs = await upload(resident)
      const res = await post(secretary, '', {
        title: '别的议题',
        content: '内容',
        matterType: 'ordinary',
        source: { kind: 'cadre' },
        attachmentIds: [theirs],
      })
      expectError(res, 'DELIBERATION_FILE_INVALID')
    })

    it('lets the committee open the window for at least five days, and no step be skipped', async () => {
      expectError(
        await post(resident, `/${id}/solicitation`, {
          step: 'solicit',
          closesAt: new Date(Date.now() + 6 * DAY).toISOString(),
        }),
        'FORBIDDEN',
      )
      expectError(
        await post(committee, `/${id}/solicitation`, {
          step: 'solicit',
          closesAt: new Date(Date.now() + 3 * DAY).toISOString(),
        }),
        'DELIBERATION_SOLICITATION_TOO_SHORT',
      )
      expectError(
        await post(committee, `/${id}/solicitation`, {
          step: 'solicit',
          opensAt: new Date(Date.now() - 3 * DAY).toISOString(),
          closesAt: new Date(Date.now() + 6 * DAY).toISOString(),
        }),
        'VALIDATION_FAILED',
      )
      expectError(await post(committee, `/${id}/solicitation`, { step: 'solicit' }), 'VALIDATION_FAILED')
      const res = await post(committee, `/${id}/solicitation`, {
        step: 'solicit',
        closesAt: new Date(Date.now() + 6 * DAY).toISOString(),
      })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ phase: 'collecting', solicitation: { accepting: true } })
      expect(res.body.solicitation.opensAt).not.toBeNull()
      expectError(
        await post(committee, `/${id}/solicitation`, {
          step: 'solicit',
          closesAt: new Date(Date.now() + 8 * DAY).toISOString(),
        }),
        'DELIBERATION_SOLICITATION_OPEN',
      )
      // the residents hear that their opinion is asked for
      const told = await t.ds.query(
        `SELECT n.link FROM notification n JOIN resident r ON r.accountId = n.accountId
          WHERE n.kind = 'deliberation.solicitation_opened' AND r.name = '曹丽娟'`,
      )
      expect(told).toEqual([{ link: `/subpackages/deliberation/pages/detail/index?id=${id}` }])
      // 提议 waits for the summary
      expectError(
        await post(secretary, `/${id}/meetings`, {
          step: 'propose',
          body: 'party_branch',
          meetingAt: new Date().toISOString(),
          location: '社区议事厅',
          agenda: '加装电梯',
        }),
        'DELIBERATION_STEP_SKIPPED',
      )
    })

    it('takes residents’ opinions with photos while the window is open', async () => {
      photo = await upload(resident)
      const res = await post(resident, `/${id}/opinions`, {
        text: '支持加装，希望一楼住户的补偿也写进方案。',
        photoIds: [photo],
      })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ name: '曹丽娟', isMine: true, photos: [{ id: photo }] })
      expect(res.body.photos[0].url).toMatch(new RegExp(`^/api/files/${photo}\\?exp=\\d+&sig=`))
      expect((await post(neighbour, `/${id}/opinions`, { text: '费用分摊要公开。' })).status).toBe(201)
      expectError(await post(neighbour, `/${id}/opinions`, { text: '   ' }), 'VALIDATION_FAILED')
      // a photo that is not one's own fresh upload
      expectError(
        await post(neighbour, `/${id}/opinions`, { text: '再补充一条', photoIds: [photo] }),
        'DELIBERATION_FILE_INVALID',
      )
      expect(
        Number(
          (
            await t.ds.query('SELECT COUNT(*) AS n FROM deliberation_opinion WHERE deliberationId = ?', [id])
          )[0].n,
        ),
      ).toBe(2)
      expect((await get(resident, `/${id}`)).body.solicitation).toMatchObject({
        opinionCount: 2,
        myOpinionCount: 1,
        canGiveOpinion: true,
      })
    })

    it('shows the committee every opinion a page at a time, and a resident only their own', async () => {
      const first = await get(committee, `/${id}/opinions?pageSize=1`)
      expect(first.status).toBe(200)
      expect(first.body).toMatchObject({ total: 2, page: 1, pageSize: 1 })
      expect(first.body.items).toEqual([expect.objectContaining({ name: '彭飞', isMine: false })])
      const second = await get(committee, `/${id}/opinions?pageSize=1&page=2`)
      expect(second.body.items).toEqual([expect.objectContaining({ name: '曹丽娟' })])
      expect((await get(supervisor, `/${id}/opinions`)).body.total).toBe(2)
      expect((await get(township, `/${id}/opinions`)).body.total).toBe(2)
      const own = await get(resident, `/${id}/opinions`)
      expect(own.body.total).toBe(1)
      expect(own.body.items[0]).toMatchObject({ isMine: true, name: '曹丽娟' })
      // the photo: its author and the committee, not a neighbour
      expect((await readFile(committee, photo)).status).toBe(200)
      expect((await readFile(neighbour, photo)).status).toBe(404)
    })

    it('takes the summary only after the window closes, and no opinion after it', async () => {
      expectError(
        await post(committee, `/${id}/solicitation/summary`, { step: 'solicit', text: '多数居民支持' }),
        'DELIBERATION_SOLICITATION_OPEN',
      )
      await windowPassed(id)
      expectError(
        await post(resident, `/${id}/opinions`, { text: '晚了一步' }),
        'DELIBERATION_SOLICITATION_CLOSED',
      )
      expect((await get(resident, `/${id}`)).body.solicitation).toMatchObject({
        accepting: false,
        canGiveOpinion: false,
      })
      expectError(
        await post(resident, `/${id}/solicitation/summary`, { step: 'solicit', text: '多数居民支持' }),
        'FORBIDDEN',
      )
      expectError(
        await post(committee, `/${id}/solicitation/summary`, { step: 'solicit', text: ' ' }),
        'VALIDATION_FAILED',
      )
      const res = await post(committee, `/${id}/solicitation/summary`, {
        step: 'solicit',
        text: '共收到 2 条意见，均支持加装，建议写明一楼补偿和费用分摊办法。',
      })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        step: 'propose',
        phase: 'pending',
        opinionSummary: {
          text: '共收到 2 条意见，均支持加装，建议写明一楼补偿和费用分摊办法。',
          opinionCount: 2,
        },
      })
      expect(res.body.history).toEqual([expect.objectContaining({ step: 'solicit', outcome: 'summarised' })])
      expectError(
        await post(committee, `/${id}/solicitation/summary`, { step: 'solicit', text: '再汇总一次' }),
        'DELIBERATION_STEP_DONE',
      )
      // those who gave an opinion hear of the summary
      const told = await t.ds.query(
        `SELECT accountId FROM notification WHERE kind = 'deliberation.summary_posted'`,
      )
      expect(told).toHaveLength(2)
      const actions = await t.ds.query(
        `SELECT action FROM audit_entry WHERE targetType = 'deliberation' AND targetId = ? ORDER BY seq`,
        [String(id)],
      )
      expect(actions.map((r: { action: string }) => r.action)).toEqual([
        'deliberation.created',
        'deliberation.solicitation_opened',
        'deliberation.opinion_submitted',
        'deliberation.opinion_submitted',
        'deliberation.summary_posted',
      ])
    })

    it('holds 提议 and 商议, whose pages still show the summary', async () => {
      const propose = await convene(secretary, id, 'propose', 'party_branch')
      const closed = await closeAllYes(secretary, id, propose.meetingId, propose.due)
      expect(closed.body.result.outcome).toBe('passed')
      const consult = await convene(committee, id, 'consult', 'joint_committees')
      expect((await closeAllYes(committee, id, consult.meetingId, consult.due)).body.result.outcome).toBe(
        'passed',
      )
      const d = (await get(resident, `/${id}`)).body
      expect(d).toMatchObject({ step: 'decide', opinionSummary: { opinionCount: 2 } })
    })

    it('keeps the minutes append-only, and the attachments and township attendees of the deciding meeting', async () => {
      // a residents' meeting needs no days of notice: it can sit as soon as the notice is out
      const scheduled = await post(
        committee,
        `/${id}/meetings`,
        lawfulMeeting(t, 'decide', 'residents_meeting', {
          location: '社区议事厅',
          agenda: '3 栋加装电梯方案',
        }),
      )
      expect(scheduled.status).toBe(201)
      decideMeeting = scheduled.body.meetings.at(-1).id
      const path = `/${id}/meetings/${decideMeeting}`
      // not before the meeting has opened
      expectError(
        await post(committee, `${path}/minutes`, { text: '会议记录' }),
        'DELIBERATION_MEETING_NOT_HELD',
      )
      expectError(
        await post(committee, `${path}/township-attendees`, {
          accountId: townshipAccountId,
          title: '副镇长',
        }),
        'DELIBERATION_MEETING_NOT_HELD',
      )
      expect((await post(committee, `${path}/open`)).status).toBe(200)
      const list = await members(decideMeeting)
      decideDue = list.length
      expect((await post(committee, `${path}/paper-sign-in`, { memberIds: list })).status).toBe(200)

      // 列席: an official of 柳林镇, listed once, never counted
      const officials = await get(committee, '/township-officials')
      expect(officials.body).toEqual([
        { accountId: townshipAccountId, name: '赵建国', townshipName: '柳林镇' },
      ])
      expectError(await get(resident, '/township-officials'), 'FORBIDDEN')
      const before = (await get(committee, `${path}/quorum`)).body
      const listed = await post(committee, `${path}/township-attendees`, {
        accountId: townshipAccountId,
        title: '柳林镇副镇长',
      })
      expect(listed.status).toBe(201)
      expect(listed.body.townshipAttendees).toEqual([
        expect.objectContaining({ accountId: townshipAccountId, name: '赵建国', title: '柳林镇副镇长' }),
      ])
      expect(listed.body.due).toBe(decideDue)
      expect((await get(committee, `${path}/quorum`)).body.attendance).toEqual(before.attendance)
      expectError(
        await post(committee, `${path}/township-attendees`, {
          accountId: townshipAccountId,
          title: '副镇长',
        }),
        'DELIBERATION_ATTENDEE_LISTED',
      )
      const secretaryAccount = Number(
        (await t.ds.query(`SELECT accountId FROM resident WHERE name = '钱卫东'`))[0].accountId,
      )
      expectError(
        await post(committee, `${path}/township-attendees`, { accountId: secretaryAccount, title: '书记' }),
        'DELIBERATION_ATTENDEE_INVALID',
      )
      expect(
        (await t.ds.query(`SELECT id FROM notification WHERE kind = 'deliberation.township_attendee'`))
          .length,
      ).toBe(1)

      // attachments: the committee's own uploads (a photo of the sign-in sheet, the plan as a PDF),
      // readable by the community and the township
      const sheet = await upload(committee)
      const plan = await t.request({
        method: 'POST',
        url: `/api/villages/${community}/attachments`,
        token: committee,
        ...multipart(
          'file',
          'plan.pdf',
          Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
          'application/pdf',
        ),
      })
      expect(plan.status).toBe(201)
      expectError(await post(resident, `${path}/attachments`, { fileIds: [sheet] }), 'FORBIDDEN')
      const attached = await post(committee, `${path}/attachments`, { fileIds: [sheet, plan.body.id] })
      expect(attached.status).toBe(200)
      expect(attached.body.attachments).toEqual([
        expect.objectContaining({ id: sheet, mime: 'image/png' }),
        expect.objectContaining({ id: plan.body.id, mime: 'application/pdf' }),
      ])
      expect((await readFile(resident, plan.body.id)).status).toBe(200)
      expectError(
        await post(committee, `${path}/attachments`, { fileIds: [sheet] }),
        'DELIBERATION_FILE_INVALID',
      )
      expect((await readFile(resident, sheet)).status).toBe(200)
      expect((await readFile(township, sheet)).status).toBe(200)

      // the minutes, then the close, then a correction; nothing is overwritten
      const minutes = await post(committee, `${path}/minutes`, { text: '到会居民一致同意加装方案。' })
      expect(minutes.status).toBe(201)
      expect(minutes.body.minutes).toEqual([expect.objectContaining({ seq: 1, kind: 'minutes' })])
      expectError(await post(resident, `${path}/minutes`, { text: '我来写' }), 'FORBIDDEN')
      expectError(await post(committee, `${path}/minutes`, { text: '' }), 'VALIDATION_FAILED')
    })

    it('decides in the residents’ meeting and publishes the resolution, then the results', async () => {
      const closed = await closeAllYes(committee, id, decideMeeting, decideDue)
      expect(closed.status).toBe(200)
      expect(closed.body.result).toMatchObject({ outcome: 'passed', present: decideDue })
      const path = `/${id}/meetings/${decideMeeting}`
      const corrected = await post(committee, `${path}/minutes`, {
        text: '更正：第 2 段“一致同意”应为“到会居民全部同意”。',
      })
      expect(corrected.status).toBe(201)
      expect(corrected.body.minutes.map((m: { seq: number; kind: string }) => [m.seq, m.kind])).toEqual([
        [1, 'minutes'],
        [2, 'correction'],
      ])
      expect(corrected.body.minutes[0].text).toBe('到会居民一致同意加装方案。')
      const meeting = (await get(resident, path)).body
      expect(meeting).toMatchObject({ status: 'closed', canRecord: false })
      expect(meeting.minutes).toHaveLength(2)
      expect(meeting.townshipAttendees).toHaveLength(1)

      const d = (await get(resident, `/${id}`)).body
      expect(d).toMatchObject({ status: 'adopted', step: 'publish_results' })
      expect(d.notices).toEqual([expect.objectContaining({ category: 'resolution' })])
      const published = await post(committee, `/${id}/publish`, {
        step: 'publish_results',
        title: '3 栋电梯实施结果公开',
        text: '电梯已于本月完工并通过验收，费用按方案分摊。',
      })
      expect(published.status).toBe(200)
      expect(published.body).toMatchObject({ status: 'completed', opinionSummary: { opinionCount: 2 } })
      expect(published.body.notices.map((n: { category: string }) => n.category)).toEqual([
        'resolution',
        'implementation',
      ])
      const audits = await t.ds.query(
        `SELECT action FROM audit_entry WHERE targetType = 'deliberation_meeting' AND targetId = ? ORDER BY seq`,
        [String(decideMeeting)],
      )
      expect(audits.map((r: { action: string }) => r.action)).toEqual(
        expect.arrayContaining([
          'deliberation.township_attendee_added',
          'deliberation.meeting_files_attached',
          'deliberation.minutes_recorded',
          'deliberation.minutes_corrected',
        ]),
      )
    })
  })

  it('takes no opinion before a window that opens later', async () => {
    const created = await post(secretary, '', {
      title: '小区停车位划线',
      content: '重新划定小区停车位。',
      matterType: 'ordinary',
      source: { kind: 'cadre' },
    })
    expect(created.status).toBe(201)
    const id = created.body.id
    const opened = await post(committee, `/${id}/solicitation`, {
      step: 'solicit',
      opensAt: new Date(Date.now() + 2 * DAY).toISOString(),
      closesAt: new Date(Date.now() + 9 * DAY).toISOString(),
    })
    expect(opened.status).toBe(200)
    expect(opened.body.solicitation).toMatchObject({ accepting: false, canGiveOpinion: false })
    expectError(
      await post(resident, `/${id}/opinions`, { text: '支持' }),
      'DELIBERATION_SOLICITATION_NOT_STARTED',
    )
  })

  it('has no opinion window in a rural 四议两公开', async () => {
    const village = (await villageIds(t.ds)).village
    const secretaryOfVillage = await t.login('secretary')
    const created = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/deliberations`,
      token: secretaryOfVillage,
      body: {
        title: '村道硬化',
        content: '硬化村道。',
        matterType: 'public_works',
        source: { kind: 'cadre' },
      },
    })
    expect(created.status).toBe(201)
    expect(created.body.solicitation).toBeNull()
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/deliberations/${created.body.id}/opinions`,
      token: await t.login('resident'),
      body: { text: '支持' },
    })
    expectError(res, 'DELIBERATION_ACTION_NOT_FOR_STEP')
    const opened = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/deliberations/${created.body.id}/solicitation`,
      token: secretaryOfVillage,
      body: { step: 'solicit', closesAt: new Date(Date.now() + 6 * DAY).toISOString() },
    })
    expectError(opened, 'DELIBERATION_STEP_NOT_IN_PROCEDURE')
  })
})
