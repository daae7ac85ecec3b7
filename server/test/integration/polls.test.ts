import { beijingDate, type PollSummary, type PollView } from '@xiangli/shared'
import { Clock } from '../../src/core/clock/clock'
import { IdempotencyRecord } from '../../src/core/idempotency/entities/idempotency-record.entity'
import { expectError } from '../support/http'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'

const DAY = 86_400_000

describe(`问卷 / 意见征集 (polls) on ${DIALECT}`, () => {
  let t: TestApp
  let village: number
  /** 张丽, committee member of 柳林村 */
  let committee: string
  /** 王秀英, 刘长青, 罗振华: residents of 柳林村 */
  let residents: string[]
  /** 曹丽娟, a resident of 新华社区 */
  let outsider: string

  const base = () => `/api/villages/${village}/polls`
  const get = (url: string, token: string) => t.request({ method: 'GET', url, token })
  const post = (url: string, token: string, body: unknown = {}) =>
    t.request({ method: 'POST', url, token, body })
  const inDays = (n: number) => beijingDate(new Date(t.app.get(Clock).nowMs() + n * DAY))
  const poll = (over: Record<string, unknown> = {}) => ({
    title: '文化广场晚上开放到几点',
    explanation: '广场跳舞的声音有人反映太晚，听听大家的意见。',
    questions: [
      { text: '晚上几点关灯合适？', options: ['8点半', '9点', '9点半'] },
      { text: '希望增加哪些设施？', multiple: true, options: ['座椅', '路灯', '健身器材', '垃圾桶'] },
    ],
    endsOn: inDays(7),
    ...over,
  })
  const create = async (over: Record<string, unknown> = {}): Promise<PollView> => {
    const res = await post(base(), committee, poll(over))
    expect(res.status).toBe(201)
    return res.body as PollView
  }
  const counts = (v: PollView) => v.questions.map((q) => q.options.map((o) => o.count))

  beforeAll(async () => {
    t = await startTestApp()
    village = (await villageIds(t.ds)).village
    committee = await t.login('committee')
    residents = [await t.login('resident'), await t.login('representative'), await t.login('group_leader')]
    outsider = await t.login('community_resident')
  })
  afterAll(() => t?.close())

  it('the demo village has an open poll whose counts residents see before the end', async () => {
    const list = (await get(base(), residents[0]!)).body as PollSummary[]
    expect(list.map((p) => [p.title, p.state, p.respondents, p.answeredByMe])).toEqual([
      ['文化广场晚上开放到几点', 'open', 3, false],
    ])
    const demo = (await get(`${base()}/${list[0]!.id}`, residents[0]!)).body as PollView
    expect(demo).toMatchObject({ mayAnswer: true, resultsVisible: true, mayClose: false })
    expect(counts(demo)).toEqual([
      [0, 2, 1],
      [2, 1, 1, 1],
    ])
  })

  it('the committee creates a poll, audited, every count at zero', async () => {
    const p = await create()
    expect(p).toMatchObject({ state: 'open', respondents: 0, mayClose: true, resultsVisible: true })
    expect(counts(p)).toEqual([
      [0, 0, 0],
      [0, 0, 0, 0],
    ])
    const audit = await t.ds.query(
      `SELECT action FROM audit_entry WHERE targetType = 'poll' AND targetId = ?`,
      [String(p.id)],
    )
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['poll.created'])
  })

  it('refuses a resident creating, an end day in the past and a question with one option', async () => {
    expectError(await post(base(), residents[0]!, poll()), 'FORBIDDEN')
    expectError(await post(base(), committee, poll({ endsOn: inDays(-1) })), 'POLL_END_IN_PAST')
    expectError(await post(base(), committee, poll({ endsOn: inDays(120) })), 'POLL_END_TOO_FAR')
    const bad = await post(base(), committee, poll({ questions: [{ text: '好不好', options: ['好'] }] }))
    expect(bad.status).toBe(400)
  })

  it('residents answer once; results stay hidden from them until the end; counts are right', async () => {
    const p = await create()
    const answers = [
      [[1], [0, 2]],
      [[1], [2]],
      [[2], [0, 1, 2, 3]],
    ]
    for (const [i, token] of residents.entries()) {
      const res = await post(`${base()}/${p.id}/answers`, token, { choices: answers[i] })
      expect(res.status).toBe(200)
    }
    expectError(
      await post(`${base()}/${p.id}/answers`, residents[0]!, { choices: answers[0] }),
      'POLL_ALREADY_ANSWERED',
    )

    const seen = (await get(`${base()}/${p.id}`, residents[0]!)).body as PollView
    expect(seen).toMatchObject({
      respondents: 3,
      answeredByMe: true,
      mayAnswer: false,
      resultsVisible: false,
    })
    expect(
      counts(seen)
        .flat()
        .every((c) => c === null),
    ).toBe(true)

    const byCommittee = (await get(`${base()}/${p.id}`, committee)).body as PollView
    expect(counts(byCommittee)).toEqual([
      [0, 2, 1],
      [2, 1, 3, 1],
    ])
    const list = (await get(base(), residents[1]!)).body as PollSummary[]
    expect(list.find((s) => s.id === p.id)).toMatchObject({ respondents: 3, answeredByMe: true })
  })

  it('a retry with the same Idempotency-Key is answered as done, and no record of the body is kept', async () => {
    const p = await create()
    const send = (key: string, choices: number[][]) =>
      t.request({
        method: 'POST',
        url: `${base()}/${p.id}/answers`,
        token: residents[0]!,
        body: { choices },
        headers: { 'idempotency-key': key },
      })
    expect((await send('poll-retry-key-1', [[0], [1]])).status).toBe(200)
    expect((await send('poll-retry-key-1', [[0], [1]])).status).toBe(200)
    expectError(await send('poll-retry-key-2', [[0], [1]]), 'POLL_ALREADY_ANSWERED')
    expect((await get(`${base()}/${p.id}`, committee)).body.respondents).toBe(1)
    const records = t.ds.getRepository(IdempotencyRecord)
    expect(await records.countBy([{ key: 'poll-retry-key-1' }, { key: 'poll-retry-key-2' }])).toBe(0)
  })

  it('refuses an answer that does not fit the poll and one from another village', async () => {
    const p = await create()
    expectError(
      await post(`${base()}/${p.id}/answers`, residents[0]!, { choices: [[0, 1], [0]] }),
      'POLL_ANSWER_INVALID',
    )
    expectError(
      await post(`${base()}/${p.id}/answers`, residents[0]!, { choices: [[0], []] }),
      'POLL_ANSWER_INCOMPLETE',
    )
    const foreign = await post(`${base()}/${p.id}/answers`, outsider, { choices: [[0], [0]] })
    expectError(foreign, 'OUT_OF_SCOPE')
    expect((await get(`${base()}/${p.id}`, committee)).body.respondents).toBe(0)
  })

  it('never tells anyone who answered what: no per-person data in any answer, none joinable in the tables', async () => {
    const p = await create({ resultsBeforeEnd: true })
    await post(`${base()}/${p.id}/answers`, residents[0]!, { choices: [[0], [3]] })
    for (const token of [committee, residents[1]!]) {
      const text = JSON.stringify([
        (await get(`${base()}/${p.id}`, token)).body,
        (await get(base(), token)).body,
      ])
      expect(text).not.toMatch(/王秀英|residentId|accountId/)
    }
    const cols = async (table: string) =>
      (await t.ds.createQueryRunner().getTable(table))!.columns.map((c) => c.name).sort()
    expect(await cols('poll_choice')).toEqual(['id', 'option', 'pollId', 'question'])
    expect(await cols('poll_respondent')).toEqual(['pollId', 'requestKey', 'residentId'])
    // residents see the counts before the end when the committee chose so
    const seen = (await get(`${base()}/${p.id}`, residents[1]!)).body as PollView
    expect(counts(seen)).toEqual([
      [1, 0, 0],
      [0, 0, 0, 1],
    ])
  })

  it('the committee closes a poll early (audited); answers are then refused and the results shown', async () => {
    const p = await create()
    await post(`${base()}/${p.id}/answers`, residents[0]!, { choices: [[2], [1]] })
    expectError(await post(`${base()}/${p.id}/close`, residents[0]!), 'FORBIDDEN')
    const closed = await post(`${base()}/${p.id}/close`, committee)
    expect(closed.status).toBe(200)
    expect(closed.body).toMatchObject({ state: 'closed', mayClose: false })
    expectError(await post(`${base()}/${p.id}/close`, committee), 'POLL_ALREADY_CLOSED')
    expectError(
      await post(`${base()}/${p.id}/answers`, residents[1]!, { choices: [[0], [0]] }),
      'POLL_NOT_OPEN',
    )
    const seen = (await get(`${base()}/${p.id}`, residents[1]!)).body as PollView
    expect(seen.resultsVisible).toBe(true)
    expect(counts(seen)[0]).toEqual([0, 0, 1])
    const audit = await t.ds.query(
      `SELECT action FROM audit_entry WHERE targetType = 'poll' AND targetId = ?`,
      [String(p.id)],
    )
    expect(audit.map((r: { action: string }) => r.action).sort()).toEqual(['poll.closed', 'poll.created'])
  })

  it('refuses answers after the end day, and lists open polls first', async () => {
    const p = await create({ endsOn: inDays(1) })
    t.app.get(Clock).advance(2 * DAY)
    expectError(
      await post(`${base()}/${p.id}/answers`, residents[2]!, { choices: [[0], [0]] }),
      'POLL_NOT_OPEN',
    )
    expect(((await get(`${base()}/${p.id}`, residents[2]!)).body as PollView).state).toBe('ended')
    const fresh = await create()
    const list = (await get(base(), residents[2]!)).body as PollSummary[]
    const states = list.map((s) => s.state)
    expect(list[0]!.id).toBe(fresh.id)
    expect(states.indexOf('ended')).toBeGreaterThan(states.lastIndexOf('open'))
    expect(list.find((s) => s.id === p.id)!.state).toBe('ended')
  })
})
