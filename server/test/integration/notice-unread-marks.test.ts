import type { NoticePage, NoticeUnreadCounts } from '@xiangli/shared'
import { NoticeReadMark } from '../../src/modules/notices/entities/notice-read-mark.entity'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

/**
 * The unread count starts from each reader's watermark (notice_read_mark): 全部已读 sets it, opening the
 * feed moves it over what was read one by one, and the count stays what it was without it: a notice read
 * on its own is read, a new notice and a correction of an old one are unread again.
 */
describe(`the unread count's watermark on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  /** 王秀英, a resident */
  let resident: string
  /** 刘长青, another resident */
  let neighbour: string
  /** 张丽, committee member */
  let committee: string

  const url = (path: string) => `/api/villages/${village}/notices${path}`
  const get = (path: string, token: string) => t.request({ method: 'GET', url: url(path), token })
  const post = (path: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url: url(path), token, body })
  const unread = async (token: string): Promise<number> => {
    const res = await get('/unread', token)
    expect(res.status).toBe(200)
    return (res.body as NoticeUnreadCounts).total
  }
  const homeCount = async (token: string): Promise<number> =>
    (await t.request({ method: 'GET', url: `/api/villages/${village}/home`, token })).body.mine.newNotices
  const feed = async (token: string, query = ''): Promise<NoticePage> => {
    const res = await get(`?pageSize=100${query}`, token)
    expect(res.status).toBe(200)
    return res.body
  }
  const unreadIds = async (token: string): Promise<number[]> =>
    (await feed(token, '&unread=true')).items.map((n) => n.id).sort((a, b) => a - b)
  const open = async (id: number, token: string) => expect((await get(`/${id}`, token)).status).toBe(200)
  const publishNew = async (title: string): Promise<number> => {
    const c = await t.request({
      method: 'POST',
      url: url(''),
      token: committee,
      body: { category: 'village', title, body: '内容' },
    })
    expect(c.status).toBe(201)
    expect((await post(`/${c.body.id}/publish`, committee)).status).toBe(200)
    return c.body.id
  }
  const correct = async (id: number) =>
    expect(
      (
        await post(`/${id}/corrections`, committee, {
          category: 'village',
          title: '更正后的标题',
          body: '更正后的内容',
          reason: '写错了日期',
        })
      ).status,
    ).toBe(200)
  const markOf = async (token: string) => {
    const me = (await t.request({ method: 'GET', url: '/api/me', token })).body
    return t.ds.getRepository(NoticeReadMark).findOneBy({ accountId: me.accountId, villageId: village })
  }

  let a: number
  let b: number
  let c: number

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    ;[resident, neighbour, committee] = await Promise.all(
      ['resident', 'representative', 'committee'].map((k) => t.login(k)),
    )
    a = await publishNew('一号公告')
    b = await publishNew('二号公告')
    c = await publishNew('三号公告')
  })
  afterAll(async () => t.close())

  it('counts a notice opened on its own as read, and opening the feed changes no count', async () => {
    const before = await unread(resident)
    expect(before).toBeGreaterThanOrEqual(3)
    await open(b, resident)
    expect(await unread(resident)).toBe(before - 1)
    const page = await feed(resident)
    const marked = new Map(page.items.map((n) => [n.id, n.unread]))
    expect([marked.get(a), marked.get(b), marked.get(c)]).toEqual([true, false, true])
    // the older notices the resident never opened hold the watermark where it is
    expect(await unread(resident)).toBe(before - 1)
    expect(await homeCount(resident)).toBe(before - 1)
  })

  it('全部已读 reads everything the reader can see, and the feed shows no unread marker', async () => {
    const res = await post('/read-all', resident)
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(0)
    expect(await unread(resident)).toBe(0)
    expect(await homeCount(resident)).toBe(0)
    expect((await feed(resident)).items.filter((n) => n.unread)).toEqual([])
    expect(await unreadIds(resident)).toEqual([])
    // the neighbour's count is their own
    expect(await unread(neighbour)).toBeGreaterThanOrEqual(3)
  })

  it('counts a new notice and a correction of an older one as unread again, until each is opened', async () => {
    const d = await publishNew('四号公告')
    expect(await unread(resident)).toBe(1)
    await correct(a)
    expect(await unread(resident)).toBe(2)
    expect(await unreadIds(resident)).toEqual([a, d].sort((x, y) => x - y))
    const marked = new Map((await feed(resident)).items.map((n) => [n.id, n.unread]))
    expect([marked.get(a), marked.get(b), marked.get(c), marked.get(d)]).toEqual([true, false, false, true])
    await open(a, resident)
    expect(await unread(resident)).toBe(1)
    await open(d, resident)
    expect(await unread(resident)).toBe(0)
    expect(await homeCount(resident)).toBe(0)
  })

  it('moves the watermark over what was read one by one when the feed opens, and still counts later news', async () => {
    const before = await markOf(resident)
    await feed(resident)
    const after = await markOf(resident)
    expect(after!.upToSeq).toBeGreaterThan(before!.upToSeq)
    expect(await unread(resident)).toBe(0)
    await correct(c)
    const e = await publishNew('五号公告')
    expect(await unreadIds(resident)).toEqual([c, e].sort((x, y) => x - y))
    expect(await unread(resident)).toBe(2)
  })

  it('gives a reader who opened every notice one by one a watermark when the feed opens', async () => {
    for (const id of await unreadIds(neighbour)) await open(id, neighbour)
    expect(await unread(neighbour)).toBe(0)
    expect(await markOf(neighbour)).toBeNull()
    await feed(neighbour)
    expect(await markOf(neighbour)).not.toBeNull()
    expect(await unread(neighbour)).toBe(0)
    await publishNew('六号公告')
    expect(await unread(neighbour)).toBe(1)
  })

  it('refuses 全部已读 to someone not logged in', async () => {
    expect((await t.request({ method: 'POST', url: url('/read-all') })).status).toBe(401)
  })
})
