import { Resident } from '../../src/modules/roster/entities/resident.entity'
import type { TestApp } from './app'
import { addAccount, tokenFor } from './factories'
import { openMeeting } from './meetings'

/**
 * Everything public, built through the API on 柳林村 as people would: a finance notice published,
 * corrected and given the supervision committee's opinion; a meeting decided by open vote in the app
 * and one by secret ballot, both closed; a secret-ballot meeting still in session; certificates
 * issued and revoked, with their seal-use register lines. The tamper tests change these behind the
 * application's back.
 */
export interface PublicFacts {
  notice: { id: number; v1: number; v2: number }
  /** closed, decided by open vote in the app; one member absent, one present who did not vote */
  openVote: Meeting
  /** closed, decided by secret ballot; everyone present, one who did not vote */
  secretBallot: Meeting
  /** a secret ballot still in session: everyone checked in, one ballot cast */
  inSession: Meeting & { deliberationId: number }
  certificates: { issued: number; revoked: number; unissued: number }
  seal: { issued: number; revoked: number }
}

export interface Meeting {
  meetingId: number
  /** frozen member ids, in order */
  members: number[]
  /** checked in */
  present: number[]
  /** voted (turnout for a secret ballot) */
  voted: number[]
  /** members' tokens, in the order of `members` */
  tokens: string[]
}

const FINANCE = {
  category: 'finance',
  title: '2026年10月财务公开',
  body: '本月收支情况如下，如有疑问请在公示期内提出。',
  lines: [
    { kind: 'income', item: '土地租金', amountFen: 1_200_000 },
    { kind: 'expense', item: '村道修缮', amountFen: 830_001, note: '一组至二组' },
  ],
  totals: { totalIncomeFen: 1_200_000, totalExpenseFen: 830_001 },
  coversPeriod: '2026-10',
}

/** An access token for the account linked to a roster row, linking a new account when there is none. */
export async function tokenOf(t: TestApp, residentId: number): Promise<string> {
  const r = await t.ds.getRepository(Resident).findOneByOrFail({ id: residentId })
  let accountId = r.accountId
  if (accountId === null) {
    accountId = (await addAccount(t, { displayName: r.name })).id
    await t.ds.getRepository(Resident).update({ id: r.id }, { accountId })
  }
  return tokenFor(t, accountId)
}

export async function buildPublicFacts(t: TestApp, village: number): Promise<PublicFacts> {
  const [committee, secretary, supervisor, resident] = await Promise.all(
    ['committee', 'secretary', 'supervisor', 'resident'].map((k) => t.login(k)),
  )
  const call = async (method: 'POST' | 'GET', url: string, token: string, body: unknown = {}) => {
    const res = await t.request({ method, url: `/api/villages/${village}${url}`, token, body })
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body
  }

  // ---------- a finance notice, corrected, with the supervision committee's opinion ----------
  const draft = await call('POST', '/notices', committee, FINANCE)
  await call('POST', `/notices/${draft.id}/publish`, committee)
  await call('POST', `/notices/${draft.id}/corrections`, committee, {
    ...FINANCE,
    lines: [
      { kind: 'income', item: '土地租金', amountFen: 1_200_000 },
      { kind: 'expense', item: '村道修缮（一组段）', amountFen: 500_001 },
      { kind: 'expense', item: '村道修缮（二组段）', amountFen: 330_000 },
    ],
    reason: '按村民意见分段列出村道修缮费用',
  })
  await call('POST', `/notices/${draft.id}/opinion`, supervisor, { opinion: '账目清楚，同意公示。' })
  const versions = (await t.ds.query('SELECT id, version FROM notice_version WHERE noticeId = ?', [
    draft.id,
  ])) as { id: number | string; version: number | string }[]
  const versionId = (n: number) => Number(versions.find((v) => Number(v.version) === n)!.id)

  // ---------- meetings ----------
  const deliberation = async () =>
    (
      await call('POST', '/deliberations', secretary, {
        title: '修建村东头便民桥',
        content: '村东头的木桥年久失修，拟用集体资金修建一座水泥桥。',
        matterType: 'public_works',
        source: { kind: 'cadre' },
      })
    ).id as number
  const meetingPath = (d: number, m: number) => `/deliberations/${d}/meetings/${m}`
  const hold = async (
    token: string,
    d: number,
    step: string,
    body: string,
    ballot: 'open' | 'secret',
    o: { absent: number; silent: number; close: boolean },
  ): Promise<Meeting> => {
    const { meetingId, members } = await openMeeting(t, {
      token,
      villageId: village,
      deliberationId: d,
      step,
      body,
      over: { agenda: '修建村东头便民桥', ballot },
    })
    const tokens = await Promise.all(members.map((m) => tokenOf(t, m.residentId)))
    const present = members.slice(0, members.length - o.absent)
    const voters = present.slice(0, present.length - o.silent)
    for (const [i] of present.entries())
      await call('POST', `${meetingPath(d, meetingId)}/check-in`, tokens[i]!)
    for (const [i] of voters.entries())
      await call('POST', `${meetingPath(d, meetingId)}/ballots`, tokens[i]!, {
        choice: ballot === 'secret' && i === 0 ? 'no' : 'yes',
      })
    if (o.close)
      await call('POST', `${meetingPath(d, meetingId)}/close`, token, {
        // the clerk's count of those who voted by hand: the present who did not vote in the app say yes
        counted: { yes: ballot === 'open' ? o.silent : 0, no: 0, abstain: 0 },
      })
    return {
      meetingId,
      members: members.map((m) => m.id),
      present: present.map((m) => m.id),
      voted: voters.map((m) => m.id),
      tokens,
    }
  }
  const d = await deliberation()
  const openVote = await hold(secretary, d, 'propose', 'party_branch', 'open', {
    absent: 1,
    silent: 1,
    close: true,
  })
  const secretBallot = await hold(committee, d, 'consult', 'joint_committees', 'secret', {
    absent: 0,
    silent: 1,
    close: true,
  })
  const other = await deliberation()
  const inSession = await hold(secretary, other, 'propose', 'party_branch', 'secret', {
    absent: 0,
    silent: 0,
    close: false,
  })

  // ---------- certificates ----------
  const request = async () =>
    (
      await call('POST', '/certificates/requests', resident, {
        itemCode: 'residence',
        purpose: '孩子上小学报名',
        fields: { address: '一组 3 号', residentSince: '1988-05-01', tenure: '自有住房' },
      })
    ).id as number
  const issued = await request()
  await call('POST', `/certificates/requests/${issued}/approve`, committee)
  const revoked = await request()
  await call('POST', `/certificates/requests/${revoked}/approve`, committee)
  await call('POST', `/certificates/requests/${revoked}/revoke`, committee, { reason: '申请人已搬离本村' })
  const unissued = await request()
  const lines = (await t.ds.query('SELECT id, requestId FROM seal_use_record WHERE requestId IN (?, ?)', [
    issued,
    revoked,
  ])) as { id: number | string; requestId: number | string }[]
  const lineOf = (r: number) => Number(lines.find((l) => Number(l.requestId) === r)!.id)

  return {
    notice: { id: draft.id, v1: versionId(1), v2: versionId(2) },
    openVote,
    secretBallot,
    inSession: { ...inSession, deliberationId: other },
    certificates: { issued, revoked, unissued },
    seal: { issued: lineOf(issued), revoked: lineOf(revoked) },
  }
}
