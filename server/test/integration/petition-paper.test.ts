import type { PetitionView } from '@xiangli/shared'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { addAccount, addResident, tokenFor } from '../support/factories'
import { expectError } from '../support/http'
import { png } from '../support/images'

describe(`纸质签名表 (paper signature sheets of a petition) on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number; township: number }
  let committee: string
  let committeeAccount: number
  /** 王秀英, who starts the petition and so signs it online */
  let resident: string
  let supervisor: string
  let people: Record<'xiuying' | 'defu' | 'xiaojun' | 'yu', Resident>
  let id: number
  let sheetPhoto: number

  const P = () => `/api/villages/${ids.village}/petitions`
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const photo = async (token: string): Promise<number> => {
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${ids.village}/uploads`,
      token,
      ...multipart('file', 'sheet.png', png(12, 16), 'image/png'),
    })
    expect(res.status).toBe(201)
    return res.body.id
  }
  const sheet = (token: string, residentIds: number[], photoId = sheetPhoto) =>
    post(`${P()}/${id}/paper-sheets`, token, { photoId, residentIds })

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    ;[committee, resident, supervisor] = await Promise.all(
      ['committee', 'resident', 'supervisor'].map((k) => t.login(k)),
    )
    committeeAccount = (await get('/api/me', committee)).body.accountId
    const repo = t.ds.getRepository(Resident)
    people = {
      xiuying: await repo.findOneByOrFail({ name: '王秀英' }),
      defu: await repo.findOneByOrFail({ name: '王德福' }),
      xiaojun: await repo.findOneByOrFail({ name: '王小军' }),
      // born 2015: not among those who may sign
      yu: await repo.findOneByOrFail({ name: '王雨' }),
    }
    const started = await post(P(), resident, {
      target: 'villagers_meeting',
      title: '提议召开村民会议讨论修路',
      text: '村北的土路一下雨就没法走，提议召开村民会议讨论集资修路。',
    })
    expect(started.status).toBe(201)
    id = started.body.id
  })
  afterAll(async () => t.close())

  it('counts each person on the sheet once, and not again one who signed online', async () => {
    sheetPhoto = await photo(committee)
    const { xiuying, defu, xiaojun, yu } = people
    const res = await sheet(committee, [xiuying.id, defu.id, defu.id, xiaojun.id, yu.id])
    expect(res.status).toBe(201)
    const view: PetitionView = res.body
    expect(view.signatures).toBe(3)
    expect(view.paperSheets).toEqual([
      {
        id: expect.any(Number),
        recordedAt: expect.any(String),
        recordedByName: '张丽',
        counted: 2,
        alreadySigned: 1,
        notEligible: ['王雨'],
        photoUrl: expect.stringMatching(new RegExp(`^/api/files/${sheetPhoto}\\?`)),
      },
    ])
    const rows: { residentId: number | string; accountId: unknown; sheetId: unknown }[] = await t.ds.query(
      'SELECT residentId, accountId, sheetId FROM petition_signature WHERE petitionId = ? ORDER BY id',
      [id],
    )
    expect(rows.map((r) => Number(r.residentId))).toEqual([xiuying.id, defu.id, xiaojun.id])
    expect(rows[0]!.sheetId).toBeNull()
    expect(
      rows.slice(1).every((r) => r.accountId === null && Number(r.sheetId) === view.paperSheets[0]!.id),
    ).toBe(true)
  })

  it('does not count a paper signer again when they sign online or on another sheet', async () => {
    const account = await addAccount(t, { displayName: '王德福' })
    await t.ds.getRepository(Resident).update({ id: people.defu.id }, { accountId: account.id })
    const defu = await tokenFor(t, account.id)
    const mine: PetitionView = (await get(`${P()}/${id}`, defu)).body
    expect(mine).toMatchObject({ signedByMe: true, canSign: false })
    expectError(await post(`${P()}/${id}/signatures`, defu), 'PETITION_ALREADY_SIGNED')
    const again = await sheet(committee, [people.defu.id], await photo(committee))
    expect(again.status).toBe(201)
    expect(again.body.signatures).toBe(3)
    expect(again.body.paperSheets[1]).toMatchObject({ counted: 0, alreadySigned: 1 })
  })

  it('refuses a sheet that counts nobody, a person of another village, and a photo not the recorder’s', async () => {
    expectError(await sheet(committee, [people.yu.id], await photo(committee)), 'PETITION_SHEET_EMPTY')
    const outsider = await addResident(t, { villageId: ids.community })
    expectError(await sheet(committee, [outsider.id], await photo(committee)), 'PROXY_RESIDENT_NOT_FOUND')
    expectError(
      await sheet(committee, [people.xiaojun.id], await photo(resident)),
      'PETITION_SHEET_PHOTO_INVALID',
    )
  })

  it('is recorded only by those who act for residents', async () => {
    expectError(await sheet(resident, [people.defu.id], await photo(resident)), 'FORBIDDEN')
    expectError(await sheet(supervisor, [people.defu.id], await photo(supervisor)), 'FORBIDDEN')
  })

  it('shows the sheets with the petition; the photo of names and signatures only to staff and overseers', async () => {
    const seen: PetitionView = (await get(`${P()}/${id}`, resident)).body
    expect(seen.paperSheets).toHaveLength(2)
    expect(seen.paperSheets.every((s) => s.photoUrl === null)).toBe(true)
    expect(seen.canRecordPaper).toBe(false)
    expect((await get(`${P()}/${id}`, committee)).body.canRecordPaper).toBe(true)
    expect((await get(`/api/files/${sheetPhoto}`, supervisor)).status).toBe(200)
    expect((await get(`/api/files/${sheetPhoto}`, resident)).status).toBe(404)
  })

  it('writes each sheet to the audit trail under the one who recorded it', async () => {
    const rows: { action: string; actorAccountId: number | string; actorName: string }[] = await t.ds.query(
      `SELECT action, actorAccountId, actorName FROM audit_entry WHERE targetType = 'petition' AND targetId = ? ORDER BY seq`,
      [String(id)],
    )
    const recorded = rows.filter((r) => r.action === 'petition.paper_sheet_recorded')
    expect(recorded).toHaveLength(2)
    expect(
      recorded.every((r) => Number(r.actorAccountId) === committeeAccount && r.actorName === '张丽'),
    ).toBe(true)
  })
})
