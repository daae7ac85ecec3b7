import type { TownshipDashboard } from '@xiangli/shared'
import { CertificateRequest } from '../../src/modules/certificates/entities/certificate-request.entity'
import { Petition } from '../../src/modules/deliberations/entities/petition.entity'
import { Grievance } from '../../src/modules/grievances/entities/grievance.entity'
import { NoticeObjection } from '../../src/modules/notices/entities/notice-objection.entity'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { recountGrievanceStats } from '../support/grievance-stats'
import { serverNow } from '../support/meetings'

const DAY = 86_400_000

/** The township's dashboard over villages whose figures the test set up itself, so each is known. */
describe(`the township dashboard on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number; township: number }
  let township: string
  let others: number[]
  let thisYear: number

  const dashboard = async (token = township): Promise<TownshipDashboard> => {
    const res = await t.request({ method: 'GET', url: `/api/townships/${ids.township}/dashboard`, token })
    expect(res.status).toBe(200)
    return res.body
  }

  beforeAll(async () => {
    t = await startTestApp({ PETITION_CONVENE_DAYS: '10' })
    ids = await villageIds(t.ds)
    township = await t.login('township')
    const villages: { id: number | string }[] = await t.ds.query('SELECT id FROM org WHERE parentId = ?', [
      ids.township,
    ])
    const all = villages.map((v) => Number(v.id))
    others = all.filter((id) => id !== ids.village)
    const templates = {
      grievance: await t.ds.getRepository(Grievance).findOneByOrFail({ villageId: ids.village }),
      certificate: await t.ds.getRepository(CertificateRequest).findOneByOrFail({ villageId: ids.village }),
    }
    for (const table of [
      'grievance',
      'certificate_request',
      'notice_objection',
      'petition',
      'deliberation',
      'public_notice',
    ])
      await t.ds.query(`DELETE FROM ${table} WHERE villageId IN (${all.map(() => '?').join(', ')})`, all)

    const now = serverNow(t)
    thisYear = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now),
    )
    const village = ids.village
    const issue = (o: Partial<Grievance>) => {
      const { id: _id, createdAt: _c, ...rest } = templates.grievance
      return t.ds.getRepository(Grievance).save({ ...rest, villageId: village, rating: null, ...o })
    }
    // 2 overdue, 1 within its time, ratings 4 and 5
    await issue({ state: 'submitted', dueAt: new Date(now.getTime() - DAY) })
    await issue({ state: 'accepted', dueAt: new Date(now.getTime() - 2 * DAY) })
    await issue({ state: 'accepted', dueAt: new Date(now.getTime() + DAY) })
    await issue({ state: 'answered', dueAt: null, rating: 4 })
    await issue({ state: 'closed', dueAt: null, rating: 5 })
    // the items above were written (and the others deleted) behind the app's back
    await recountGrievanceStats(t, all)

    // certificates: this year 2 issued + 1 revoked of one item, last year 1
    let n = 0
    const certificate = (o: Partial<CertificateRequest>) => {
      const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = templates.certificate
      return t.ds.getRepository(CertificateRequest).save({
        ...rest,
        villageId: village,
        number: `T-${++n}`,
        itemCode: 'residence',
        itemName: '居（租）住证明',
        ...o,
      })
    }
    await certificate({ state: 'issued', issuedYear: thisYear })
    await certificate({ state: 'issued', issuedYear: thisYear })
    await certificate({ state: 'revoked', issuedYear: thisYear })
    await certificate({ state: 'issued', issuedYear: thisYear - 1 })
    // a request not issued is not counted
    await certificate({ state: 'submitted', number: null, issuedYear: null })

    // one notice published now; its objections: 1 overdue, 1 still within its 15 days
    const c = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/notices`,
      token: await t.login('committee'),
      body: { category: 'village', title: '村务公开', body: '内容' },
    })
    const committee = await t.login('committee')
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/villages/${village}/notices/${c.body.id}/publish`,
          token: committee,
          body: {},
        })
      ).status,
    ).toBe(200)
    const objection = (dueAt: Date) =>
      t.ds.getRepository(NoticeObjection).save({
        noticeId: c.body.id,
        villageId: village,
        objectorAccountId: 1,
        objectorName: '王秀英',
        text: '数字不对',
        photoIds: null,
        state: 'submitted',
        submittedAt: new Date(dueAt.getTime() - 15 * DAY),
        dueAt,
        answer: null,
        answerPhotoIds: null,
        answeredAt: null,
        answeredByAccountId: null,
        answeredByName: null,
        acceptedAt: null,
        escalationReason: null,
      })
    await objection(new Date(now.getTime() - DAY))
    await objection(new Date(now.getTime() + DAY))

    // petitions: reached 20 days ago (past the 10 days), reached 2 days ago, one still open
    const petition = (status: Petition['status'], reachedAt: Date | null) =>
      t.ds.getRepository(Petition).save({
        villageId: village,
        target: 'villagers_meeting',
        title: '召开村民会议',
        text: '商量修路',
        rule: {} as Petition['rule'],
        totals: {},
        status,
        initiatorAccountId: 1,
        initiatorResidentId: 1,
        initiatorName: '王秀英',
        reachedAt,
        deliberationId: null,
        withdrawnAt: null,
      })
    await petition('reached', new Date(now.getTime() - 20 * DAY))
    await petition('reached', new Date(now.getTime() - 2 * DAY))
    await petition('open', null)

    // one deliberation under way
    const d = await t.request({
      method: 'POST',
      url: `/api/villages/${village}/deliberations`,
      token: committee,
      body: { title: '修路', content: '拟修路。', matterType: 'ordinary', source: { kind: 'cadre' } },
    })
    expect(d.status).toBe(201)
  })
  afterAll(async () => t.close())

  it('gives each village its overdue issues, satisfaction, objections, deliberations, petitions and notices', async () => {
    const b = await dashboard()
    expect(b.conveneDays).toBe(10)
    const liulin = b.villages.find((v) => v.villageId === ids.village)
    expect(liulin).toEqual({
      villageId: ids.village,
      villageName: '柳林村',
      grievancesOverdue: 2,
      satisfaction: 4.5,
      rated: 2,
      objectionsOverdue: 1,
      deliberationsUnderWay: 1,
      petitionsWaiting: 2,
      petitionsIgnored: 1,
      noticesLastQuarter: 1,
    })
    // the other villages of the township are there, with nothing
    expect(b.villages.map((v) => v.villageId).sort()).toEqual([ids.village, ...others].sort())
    for (const v of b.villages.filter((x) => x.villageId !== ids.village))
      expect([v.grievancesOverdue, v.satisfaction, v.petitionsWaiting, v.noticesLastQuarter]).toEqual([
        0,
        null,
        0,
        0,
      ])
  })

  it('counts certificates per village and item over the last three years', async () => {
    const b = await dashboard()
    expect(b.years).toEqual([thisYear - 2, thisYear - 1, thisYear])
    expect(b.certificates).toEqual([
      {
        villageId: ids.village,
        year: thisYear - 1,
        itemCode: 'residence',
        itemName: '居（租）住证明',
        issued: 1,
      },
      {
        villageId: ids.village,
        year: thisYear,
        itemCode: 'residence',
        itemName: '居（租）住证明',
        issued: 3,
      },
    ])
  })

  it('is the township’s alone', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/townships/${ids.township}/dashboard`,
      token: await t.login('resident'),
    })
    expect(res.status).toBe(403)
  })
})
