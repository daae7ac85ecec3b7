import { createHash } from 'node:crypto'
import { canonicalRulesText } from '@xiangli/shared'
import { AuditEntry } from '../../src/core/audit/entities/audit-entry.entity'
import { AuditService, digest } from '../../src/core/audit/audit.service'
import { DEMO_VILLAGE_RULES } from '../../src/modules/demo/demo-village-rules'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { expectError } from '../support/http'
import { holdMeeting, lawfulMeeting, passTo, serverNow } from '../support/meetings'

const DAY = 86_400_000
const sha = (text: string) => createHash('sha256').update(canonicalRulesText(text), 'utf8').digest('hex')

/**
 * 村规民约 on 柳林村 (Art 27): the 两委 amend the version in force, put the draft to the 一征 window and
 * the villagers' meeting through the deliberation engine; the adopted text is public, hashed into the
 * chain, filed with 柳林镇, which orders a clause corrected. Every refusal on the way is coded.
 */
describe(`村规民约 on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let community: number
  let township: number
  let secretary: string
  let committee: string
  let resident: string
  let official: string
  let communityCommittee: string
  let draftId: number
  let demoId: number
  let deliberationId: number

  const V = () => `/api/villages/${village}/village-rules`
  const D = () => `/api/villages/${village}/deliberations`
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, body?: unknown) =>
    t.request({ method, url, ...(token ? { token } : {}), ...(body !== undefined ? { body } : {}) })
  /** the amendment: the demo's clause 2 with fewer tables, and a clause added */
  const text2 = `${DEMO_VILLAGE_RULES.text.replace('酒席不超过十桌', '酒席不超过八桌')}\n第八条 禁止高空抛物。`

  beforeAll(async () => {
    t = await startTestApp()
    ;({ village, community, township } = await villageIds(t.ds))
    secretary = await t.login('secretary')
    committee = await t.login('committee')
    resident = await t.login('resident')
    official = await t.login('township')
    communityCommittee = await t.login('community_committee')
  })
  afterAll(() => t.close())

  it('shows residents the demo village’s version in force, and the public without login', async () => {
    const overview = await req('GET', V(), resident)
    expect(overview.status).toBe(200)
    expect(overview.body.current.village_rules).toMatchObject({ number: 1, status: 'adopted' })
    demoId = overview.body.current.village_rules.id
    const pub = await req('GET', `/api/public/villages/${village}/village-rules`)
    expect(pub.status).toBe(200)
    expect(pub.body.current[0]).toMatchObject({ kind: 'village_rules', number: 1 })
    expect(pub.body.current[0].contentHash).toBe(sha(pub.body.current[0].text))
  })

  it('lets only the 两委 draft, and refuses an amendment that changes nothing', async () => {
    const demo = await req('GET', `${V()}/${demoId}`, resident)
    expectError(
      await req('POST', V(), resident, { kind: 'village_rules', title: '柳林村村规民约', text: '甲' }),
      'FORBIDDEN',
    )
    expectError(
      await req('POST', V(), committee, {
        kind: 'village_rules',
        title: '柳林村村规民约',
        text: demo.body.text,
      }),
      'VILLAGE_RULES_UNCHANGED',
    )
    const res = await req('POST', V(), committee, {
      kind: 'village_rules',
      title: '柳林村村规民约（修订）',
      text: '草稿',
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ number: 2, status: 'draft', basedOn: { id: demoId, number: 1 } })
    expect(res.body.can).toEqual({ edit: true, startAdoption: true, file: false })
    draftId = res.body.id
    // a draft is the 两委's working paper
    expectError(await req('GET', `${V()}/${draftId}`, resident), 'VILLAGE_RULES_NOT_FOUND')
    expect(
      (await req('GET', V(), resident)).body.versions.some((v: { id: number }) => v.id === draftId),
    ).toBe(false)
  })

  it('edits the draft, and refuses to file what was not adopted', async () => {
    const res = await req('PUT', `${V()}/${draftId}`, committee, {
      title: '柳林村村规民约（修订）',
      text: text2,
    })
    expect(res.status).toBe(200)
    expect(res.body.diff.filter((d: { op: string }) => d.op !== 'same').length).toBeGreaterThan(0)
    expectError(await req('POST', `${V()}/${draftId}/filing`, committee), 'VILLAGE_RULES_NOT_ADOPTED')
  })

  it('puts the draft to the vote through a deliberation opening with the 一征 window, and freezes it', async () => {
    expectError(await req('POST', `${V()}/${draftId}/adoption`, resident), 'FORBIDDEN')
    const res = await req('POST', `${V()}/${draftId}/adoption`, committee)
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('in_adoption')
    deliberationId = res.body.deliberationId
    const d = await req('GET', `${D()}/${deliberationId}`, resident)
    expect(d.body).toMatchObject({ step: 'solicit', matterType: 'assembly_reserved' })
    expect(d.body.procedure.steps.map((s: { key: string }) => s.key)[0]).toBe('solicit')
    expectError(
      await req('PUT', `${V()}/${draftId}`, committee, { title: '改', text: '改' }),
      'VILLAGE_RULES_IN_ADOPTION',
    )
    expectError(await req('POST', `${V()}/${draftId}/adoption`, committee), 'VILLAGE_RULES_IN_ADOPTION')
    // residents now read what is put to them
    expect((await req('GET', `${V()}/${draftId}`, resident)).status).toBe(200)
  })

  it('takes residents’ opinions in the window and the committee’s summary after it', async () => {
    const closesAt = new Date(serverNow(t).getTime() + 6 * DAY)
    const opened = await req('POST', `${D()}/${deliberationId}/solicitation`, committee, {
      step: 'solicit',
      closesAt: closesAt.toISOString(),
    })
    expect(opened.status).toBe(200)
    const opinion = await req('POST', `${D()}/${deliberationId}/opinions`, resident, { text: '酒席八桌合适' })
    expect(opinion.status).toBe(201)
    passTo(t, new Date(closesAt.getTime() + 1000))
    const summary = await req('POST', `${D()}/${deliberationId}/solicitation/summary`, committee, {
      step: 'solicit',
      text: '收到意见 1 条，赞成修订',
    })
    expect(summary.status).toBe(200)
    expect(summary.body.step).not.toBe('solicit')
  })

  it('refuses to decide it in the representatives’ meeting (Art 27)', async () => {
    const hold = (step: string, body: string) =>
      holdMeeting(t, { token: secretary, villageId: village, deliberationId, step, body })
    await hold('propose', 'party_branch')
    await hold('consult', 'joint_committees')
    await hold('review', 'party_members_meeting')
    const res = await req(
      'POST',
      `${D()}/${deliberationId}/meetings`,
      secretary,
      lawfulMeeting(t, 'decide', 'representatives_meeting'),
    )
    expectError(res, 'VILLAGE_RULES_VILLAGERS_MEETING_ONLY')
    expect((await req('GET', `${V()}/${draftId}`, committee)).body.status).toBe('in_adoption')
  })

  it('is adopted when the villagers’ meeting passes it and the vote is sealed; the text’s hash is in the chain', async () => {
    await holdMeeting(t, {
      token: secretary,
      villageId: village,
      deliberationId,
      step: 'decide',
      body: 'villagers_meeting',
    })
    const v = await req('GET', `${V()}/${draftId}`, resident)
    expect(v.body).toMatchObject({ status: 'adopted', contentHash: sha(text2) })
    expect(v.body.adoptedAt).not.toBeNull()
    expect(v.body.diff.filter((d: { op: string }) => d.op !== 'same')).toHaveLength(3)
    expect(v.body.diff).toEqual(
      expect.arrayContaining([
        { op: 'removed', text: '第二条 红白喜事从简办理，酒席不超过十桌，不大操大办，不燃放大型烟花。' },
        { op: 'added', text: '第二条 红白喜事从简办理，酒席不超过八桌，不大操大办，不燃放大型烟花。' },
        { op: 'added', text: '第八条 禁止高空抛物。' },
        { op: 'same', text: '第一条 爱护公共设施，不损坏道路、路灯、水渠和健身器材。' },
      ]),
    )
    const entries = await t.ds
      .getRepository(AuditEntry)
      .findBy({ action: 'village_rules.adopted', targetId: String(draftId) })
    expect(entries).toHaveLength(1)
    // the chain holds the digest of what the adoption recorded, the text's hash among it
    expect(entries[0]!.afterDigest).toBe(
      digest({
        versionId: draftId,
        kind: 'village_rules',
        number: 2,
        deliberationId,
        contentHash: sha(text2),
      }),
    )
    expect((await req('GET', `${V()}/${demoId}`, resident)).body.status).toBe('superseded')
    const overview = await req('GET', V(), resident)
    expect(overview.body.current.village_rules).toMatchObject({ id: draftId, number: 2 })
    const pub = await req('GET', `/api/public/villages/${village}/village-rules`)
    expect(pub.body.current[0]).toMatchObject({ number: 2, text: text2, contentHash: sha(text2) })
  })

  it('lets the audit verifier find an adopted text changed behind the application’s back', async () => {
    const audit = t.app.get(AuditService)
    expect(await audit.verify()).toMatchObject({ ok: true })
    await t.ds.query('UPDATE village_rules_version SET text = ? WHERE id = ?', [
      `${text2}\n第九条 私自加的`,
      draftId,
    ])
    try {
      const result = await audit.verify()
      expect(result.ok).toBe(false)
      expect(result.problem).toContain('第 2 版')
      expect(result.problem).toContain('与村民会议通过时的存档不一致')
    } finally {
      await t.ds.query('UPDATE village_rules_version SET text = ? WHERE id = ?', [text2, draftId])
    }
    expect(await audit.verify()).toMatchObject({ ok: true })
  })

  it('never edits an adopted version', async () => {
    expectError(
      await req('PUT', `${V()}/${draftId}`, committee, { title: '改', text: '改' }),
      'VILLAGE_RULES_NOT_DRAFT',
    )
  })

  it('files the version in force with the township once, never a superseded one', async () => {
    expectError(await req('POST', `${V()}/${draftId}/filing`, resident), 'FORBIDDEN')
    const res = await req('POST', `${V()}/${draftId}/filing`, committee)
    expect(res.status).toBe(200)
    expect(res.body.filing).toMatchObject({ corrections: [] })
    expectError(await req('POST', `${V()}/${draftId}/filing`, committee), 'VILLAGE_RULES_ALREADY_FILED')
    expectError(await req('POST', `${V()}/${demoId}/filing`, committee), 'VILLAGE_RULES_SUPERSEDED')
  })

  it('lets the township read the filing and order a clause corrected, which the village then sees', async () => {
    const T = `/api/townships/${township}/village-rules-filings`
    expectError(await req('GET', T, committee), 'FORBIDDEN')
    const list = await req('GET', T, official)
    expect(list.status).toBe(200)
    const filing = list.body.items.find((f: { versionId: number }) => f.versionId === draftId)
    expect(filing).toMatchObject({ villageName: '柳林村', number: 2, corrections: [] })
    expectError(
      await req('POST', `${T}/${filing.id}/corrections`, official, { clause: '第二条', reason: '' }),
      'VALIDATION_FAILED',
    )
    expectError(
      await req('POST', `${T}/999999/corrections`, official, { clause: '第二条', reason: '理由' }),
      'NOT_FOUND',
    )
    const ordered = await req('POST', `${T}/${filing.id}/corrections`, official, {
      clause: '第二条',
      reason: '限制酒席桌数宜作倡导，不宜设罚则',
    })
    expect(ordered.status).toBe(200)
    const seen = await req('GET', `${V()}/${draftId}`, committee)
    expect(seen.body.filing.corrections).toEqual([
      expect.objectContaining({
        clause: '第二条',
        reason: '限制酒席桌数宜作倡导，不宜设罚则',
        orderedBy: '赵建国',
      }),
    ])
    // the township reads the text itself through the village's route
    expect((await req('GET', `${V()}/${draftId}`, official)).status).toBe(200)
    expect(await t.ds.getRepository(AuditEntry).countBy({ action: 'village_rules.correction_ordered' })).toBe(
      1,
    )
  })

  it('keeps one village out of another’s rules', async () => {
    expectError(await req('GET', V(), communityCommittee), 'OUT_OF_SCOPE')
    expectError(await req('POST', `${V()}/${draftId}/filing`, communityCommittee), 'OUT_OF_SCOPE')
    expectError(
      await req('GET', `/api/villages/${community}/village-rules/${draftId}`, communityCommittee),
      'VILLAGE_RULES_NOT_FOUND',
    )
    expectError(
      await req('POST', `/api/villages/${community}/village-rules`, communityCommittee, {
        kind: 'village_rules',
        title: '居民公约',
        text: '第一条',
      }),
      'VILLAGE_RULES_VILLAGES_ONLY',
    )
    expectError(
      await req('PUT', `/api/villages/${community}/village-rules/${draftId}`, communityCommittee, {
        title: '改',
        text: '改',
      }),
      'VILLAGE_RULES_NOT_FOUND',
    )
  })

  it('leaves a version not adopted when its deliberation is ended', async () => {
    const draft = await req('POST', V(), committee, {
      kind: 'charter',
      title: '柳林村村民自治章程',
      text: '第一条 总则。',
    })
    expect(draft.body.number).toBe(1)
    const put = await req('POST', `${V()}/${draft.body.id}/adoption`, committee)
    const ended = await req('POST', `${D()}/${put.body.deliberationId}/reject`, secretary, {
      step: 'solicit',
      reason: '章程草案需要重新起草',
    })
    expect(ended.status).toBe(200)
    const v = await req('GET', `${V()}/${draft.body.id}`, committee)
    expect(v.body.status).toBe('not_adopted')
    expectError(await req('POST', `${V()}/${draft.body.id}/filing`, committee), 'VILLAGE_RULES_NOT_ADOPTED')
  })
})
