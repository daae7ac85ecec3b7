import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { expectError } from '../support/http'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { addAccount, tokenFor } from '../support/factories'

describe(`联名提议 (petitions) on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  let community: number
  let secretary: string
  let committee: string
  /** 王秀英, a villager of 柳林村, not a representative */
  let resident: string
  let township: string
  let communityResident: string

  const base = (v = village) => `/api/villages/${v}/petitions`
  const post = (token: string, path: string, body: unknown = {}, v = village) =>
    t.request({ method: 'POST', url: `${base(v)}${path}`, token, body })
  const get = (token: string, path: string, v = village) =>
    t.request({ method: 'GET', url: `${base(v)}${path}`, token })

  const tokenOf = async (residentId: number): Promise<string> => {
    const r = await t.ds.getRepository(Resident).findOneByOrFail({ id: residentId })
    let accountId = r.accountId
    if (accountId === null) {
      accountId = (await addAccount(t, { displayName: r.name })).id
      await t.ds.getRepository(Resident).update({ id: r.id }, { accountId })
    }
    return tokenFor(t, accountId)
  }

  /** Villagers aged 18+ (registered) of 柳林村 who are not representatives, in roster order. */
  const plainAdults = async (): Promise<{ id: number; accountId: number | null }[]> =>
    (
      await t.ds.query(
        `SELECT r.id, r.accountId FROM resident r
          WHERE r.villageId = ? AND r.birthDate <= '2008-01-01' AND r.residency = 'registered'
            AND r.id NOT IN (SELECT residentId FROM role_assignment
                              WHERE orgId = ? AND role = 'representative' AND residentId IS NOT NULL)
          ORDER BY r.id`,
        [village, village],
      )
    ).map((r: { id: number | string; accountId: number | string | null }) => ({
      id: Number(r.id),
      accountId: r.accountId === null ? null : Number(r.accountId),
    }))

  const start = (token = resident, over: Record<string, unknown> = {}, v = village) =>
    post(
      token,
      '',
      {
        target: 'villagers_meeting',
        title: '提议召开村民会议讨论修路',
        text: '村北的土路一下雨就没法走，提议召开村民会议讨论集资修路。',
        ...over,
      },
      v,
    )

  const countRows = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await t.ds.query(sql, params))[0].n)

  beforeAll(async () => {
    t = await startTestApp()
    ;({ village, community } = await villageIds(t.ds))
    ;[secretary, committee, resident, township, communityResident] = await Promise.all(
      ['secretary', 'committee', 'resident', 'township', 'community_resident'].map((k) => t.login(k)),
    )
  })
  afterAll(async () => t.close())

  describe('a villagers’ petition on 柳林村', () => {
    let id: number
    let needed: number

    it('is started by a villager, who signs it first; it shows the count and the threshold', async () => {
      const res = await start()
      expect(res.status).toBe(201)
      id = res.body.id
      expect(res.body).toMatchObject({
        target: 'villagers_meeting',
        targetLabel: '村民会议',
        status: 'open',
        initiatorName: '王秀英',
        signatures: 1,
        signedByMe: true,
        canSign: false,
        isMine: true,
        reached: false,
        canConvene: false,
      })
      const adults = await countRows(
        `SELECT COUNT(*) AS n FROM resident WHERE villageId = ? AND residency = 'registered' AND birthDate <= ?`,
        [village, `${new Date().getUTCFullYear() - 18}-01-01`],
      )
      const villagers = res.body.criteria.find((c: { criterion: string }) => c.criterion === 'villagers')
      expect(villagers).toMatchObject({ label: '十八周岁以上村民', signed: 1, met: false })
      // 十分之一以上: the smallest whole number of people at least a tenth of the adults
      expect(villagers.total).toBeGreaterThanOrEqual(adults)
      expect(villagers.needed).toBe(Math.max(1, Math.ceil(villagers.total / 10)))
      expect(res.body.criteria.map((c: { criterion: string }) => c.criterion)).toEqual([
        'villagers',
        'representatives',
      ])
      needed = villagers.needed
      expect(needed).toBeGreaterThan(1)
      // the committee sees it, and may sign it as any villager may
      const seen = await get(committee, `/${id}`)
      expect(seen.body).toMatchObject({ signedByMe: false, canSign: true, canConvene: false })
    })

    it('refuses signing twice, and counts 20 parallel signatures by one villager once', async () => {
      expectError(await post(resident, `/${id}/signatures`), 'PETITION_ALREADY_SIGNED')
      const res = await Promise.all(Array.from({ length: 20 }, () => post(committee, `/${id}/signatures`)))
      expect(res.filter((r) => r.status === 200)).toHaveLength(1)
      for (const r of res.filter((x) => x.status !== 200)) expectError(r, 'PETITION_ALREADY_SIGNED')
      expect(await countRows('SELECT COUNT(*) AS n FROM petition_signature WHERE petitionId = ?', [id])).toBe(
        2,
      )
      expect((await get(committee, `/${id}`)).body).toMatchObject({ signatures: 2, signedByMe: true })
    })

    it('refuses those who may not sign: a township official, a child on the roster', async () => {
      expectError(await post(township, `/${id}/signatures`), 'NOT_VERIFIED')
      const [child] = await t.ds.query(
        `SELECT id FROM resident WHERE villageId = ? AND birthDate > ? ORDER BY id LIMIT 1`,
        [village, `${new Date().getUTCFullYear() - 17}-12-31`],
      )
      expect(child).toBeDefined()
      const kid = await tokenOf(Number(child.id))
      const res = await post(kid, `/${id}/signatures`)
      expectError(res, 'PETITION_NOT_ELIGIBLE')
      expect(res.body.message).toContain('十八周岁以上')
      expect((await get(kid, `/${id}`)).body).toMatchObject({ canSign: false })
    })

    it('tells the committee once, when the tenth is reached, that it must convene', async () => {
      const signers = (await plainAdults()).filter((r) => r.accountId === null)
      let signed = (await get(resident, `/${id}`)).body.signatures as number
      for (const r of signers) {
        if (signed >= needed) break
        const res = await post(await tokenOf(r.id), `/${id}/signatures`)
        expect(res.status).toBe(200)
        signed = res.body.signatures
      }
      const view = (await get(secretary, `/${id}`)).body
      expect(view).toMatchObject({ status: 'reached', reached: true, canConvene: true })
      expect(view.reachedAt).not.toBeNull()
      // more support after the threshold is still taken, and tells nobody again
      const extra = signers.at(-1)!
      expect((await post(await tokenOf(extra.id), `/${id}/signatures`)).status).toBe(200)
      const told = await t.ds.query(
        `SELECT n.accountId, n.link FROM notification n WHERE n.kind = 'petition.reached' AND n.title LIKE '联名提议召开%'`,
      )
      // each opens the petition in its village
      for (const n of told)
        expect(n.link).toBe(`/subpackages/petition/pages/detail/index?id=${id}&villageId=${village}`)
      const committeeAccounts = await t.ds.query(
        `SELECT DISTINCT r.accountId FROM role_assignment ra JOIN resident r ON r.id = ra.residentId
          WHERE ra.orgId = ? AND ra.role IN ('committee_member','party_secretary') AND r.accountId IS NOT NULL`,
        [village],
      )
      expect(told).toHaveLength(committeeAccounts.length)
      expect(
        await countRows(
          `SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'petition.threshold_reached' AND targetId = ?`,
          [String(id)],
        ),
      ).toBe(1)
      // the initiator hears it too
      expect(
        await countRows(
          `SELECT COUNT(*) AS n FROM notification n JOIN resident r ON r.accountId = n.accountId
            WHERE n.kind = 'petition.reached' AND r.name = '王秀英'`,
          [],
        ),
      ).toBe(1)
      expectError(await post(resident, `/${id}/withdraw`), 'PETITION_CANNOT_WITHDRAW')
    })

    it('is turned by the committee into a deliberation with the petition as its source', async () => {
      const create = (token: string, petitionId: number) =>
        t.request({
          method: 'POST',
          url: `/api/villages/${village}/deliberations`,
          token,
          body: {
            title: '集资修建村北道路',
            content: '根据村民联名提议，讨论村北道路的集资修建方案。',
            matterType: 'public_works',
            source: { kind: 'petition', petitionId },
          },
        })
      expectError(await create(resident, id), 'FORBIDDEN')
      const res = await create(secretary, id)
      expect(res.status).toBe(201)
      expect(res.body.source).toMatchObject({ kind: 'petition', petitionId: id })
      const petition = (await get(resident, `/${id}`)).body
      expect(petition).toMatchObject({ status: 'convened', deliberationId: res.body.id, canConvene: false })
      // the signers hear it
      expect(
        await countRows(`SELECT COUNT(*) AS n FROM notification WHERE kind = 'petition.convened'`, []),
      ).toBe(petition.signatures)
      expectError(await create(secretary, id), 'PETITION_ALREADY_CONVENED')
      expectError(await post(committee, `/${id}/signatures`), 'PETITION_CLOSED')
      // an open petition is not yet a source; nor is another village's
      const open = (await start(committee, { title: '提议讨论路灯' })).body.id
      expectError(await create(secretary, open), 'PETITION_NOT_REACHED')
      expectError(await create(secretary, 999999), 'DELIBERATION_SOURCE_INVALID')
      expect(
        await countRows(`SELECT COUNT(*) AS n FROM deliberation WHERE sourcePetitionId = ?`, [open]),
      ).toBe(0)
    })
  })

  it('lets only the initiator withdraw an open petition, after which nobody signs it', async () => {
    const id = (await start(resident, { title: '提议讨论垃圾清运' })).body.id
    expectError(await post(committee, `/${id}/withdraw`), 'PETITION_NOT_YOURS')
    const res = await post(resident, `/${id}/withdraw`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', canSign: false })
    expectError(await post(committee, `/${id}/signatures`), 'PETITION_CLOSED')
    expectError(await post(resident, `/${id}/withdraw`), 'PETITION_CANNOT_WITHDRAW')
  })

  it('takes only representatives for a representatives’ meeting', async () => {
    expectError(await start(resident, { target: 'representatives_meeting' }), 'PETITION_NOT_ELIGIBLE')
    const rep = await t.login('representative')
    const res = await start(rep, { target: 'representatives_meeting', title: '提议召开村民代表会议' })
    expect(res.status).toBe(201)
    expect(res.body.criteria).toEqual([
      expect.objectContaining({ criterion: 'representatives', label: '村民代表', signed: 1 }),
    ])
    const needed = res.body.criteria[0].needed
    const total = res.body.criteria[0].total
    // 五分之一以上 of the representatives
    expect(needed).toBe(Math.max(1, Math.ceil(total / 5)))
    expect(res.body.status).toBe(needed <= 1 ? 'reached' : 'open')
    expectError(await post(resident, `/${res.body.id}/signatures`), 'PETITION_NOT_ELIGIBLE')
  })

  it('asks a community for a residents’ meeting, never a villagers’ one', async () => {
    expectError(await start(communityResident, {}, community), 'PETITION_TARGET_NOT_ALLOWED')
    expectError(await start(resident, { target: 'residents_meeting' }), 'PETITION_TARGET_NOT_ALLOWED')
    const res = await start(
      communityResident,
      { target: 'residents_meeting', title: '提议召开居民会议' },
      community,
    )
    expect(res.status).toBe(201)
    expect(res.body.criteria.map((c: { criterion: string }) => c.criterion)).toEqual([
      'residents',
      'households',
    ])
  })

  it('lists the village’s petitions a page at a time, by status, to the village and its township', async () => {
    const all = await get(resident, '?page=1&pageSize=2')
    expect(all.status).toBe(200)
    expect(all.body.items).toHaveLength(2)
    expect(all.body.total).toBeGreaterThanOrEqual(4)
    expect(all.body).toMatchObject({ page: 1, pageSize: 2 })
    expect(all.body.items[0].id).toBeGreaterThan(all.body.items[1].id)
    const second = await get(resident, '?page=2&pageSize=2')
    expect(second.body.items[0].id).toBeLessThan(all.body.items[1].id)
    const withdrawn = await get(township, '?status=withdrawn')
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body.items.length).toBeGreaterThan(0)
    expect(withdrawn.body.items.every((p: { status: string }) => p.status === 'withdrawn')).toBe(true)
    expect(withdrawn.body.items[0].signatures).toBeGreaterThan(0)
    expectError(await get(resident, '?status=whatever'), 'VALIDATION_FAILED')
    // another village's petition is not found here
    const theirs = (await get(communityResident, '', community)).body.items[0].id
    expectError(await get(resident, `/${theirs}`), 'NOT_FOUND')
  })

  it('refuses a petition without its reason, in words', async () => {
    const res = await start(resident, { title: '  ' })
    expectError(res, 'VALIDATION_FAILED')
  })
})
