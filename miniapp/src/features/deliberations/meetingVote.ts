/**
 * The meeting page's live quorum, vote button and the clerk's hand count, as the page shows them.
 */
import {
  CHOICE_LABELS,
  chinaTimeLabel,
  type BallotKind,
  type Choice,
  type MeetingView,
  type QuorumView,
  type Votes,
} from '@xiangli/shared'
import type { MeetingMemberLine } from './deliberation'

// ---------- the live quorum ----------

export interface QuorumDisplay {
  met: boolean
  /** 已到 12 人 / 需要 22 人 */
  headline: string
  /** 0–100 for the bar, by the criterion closest to being met */
  percent: number
  lines: string[]
  /** 已达到法定人数，可以表决 / 还差 10 人 */
  verdict: string
}

export function quorumDisplay(q: Pick<QuorumView, 'attendance' | 'quorum'>): QuorumDisplay {
  const lines = q.quorum.criteria.map((c) => {
    const unit = c.count === 'persons' ? '人' : '户'
    const what = c.count === 'persons' ? `按人数：应到 ${c.of} 人` : `按户数：共 ${c.of} 户`
    return `${what}，需要 ${c.needed} ${unit}，已到 ${c.counted} ${unit}${c.met ? '，已达到' : ''}`
  })
  const best =
    q.quorum.criteria.find((c) => c.met) ??
    [...q.quorum.criteria].sort((a, b) => b.counted / (b.needed || 1) - a.counted / (a.needed || 1))[0]
  const persons = q.quorum.criteria.find((c) => c.count === 'persons')
  const needed = persons?.needed ?? best?.needed ?? 0
  const headline = `已到 ${q.attendance.present} 人 / 需要 ${needed} 人`
  const percent = best ? Math.min(100, Math.round((best.counted / Math.max(1, best.needed)) * 100)) : 0
  let verdict: string
  if (q.quorum.met)
    verdict = q.quorum.by === 'households' ? '按户数已达到法定人数，可以表决' : '已达到法定人数，可以表决'
  else if (best) {
    const unit = best.count === 'persons' ? '人' : '户'
    verdict = `还差 ${Math.max(0, best.needed - best.counted)} ${unit}才达到法定人数`
  } else verdict = '还没有人到会'
  return { met: q.quorum.met, headline, percent, lines, verdict }
}

/** How often the meeting page asks again while the meeting is open, in milliseconds. */
export const QUORUM_POLL_MS = 5000

// ---------- my check-in and vote ----------

export type VoteStage =
  /** check-in has not begun: the notice only */
  | 'not_open'
  /** I am not on the frozen list of this body */
  | 'not_member'
  | 'check_in'
  /** checked in before the meeting opened: the vote waits for the announced time */
  | 'checked_in'
  | 'vote'
  | 'voted'
  | 'closed'

export interface VoteButtons {
  stage: VoteStage
  /** a sentence under the buttons */
  hint: string
}

/**
 * My check-in and vote. Check-in opens a little before the announced time (the server's `timing`
 * says when, by its own clock); the vote only once the meeting has opened, never before that time.
 */
export function voteButtons(
  m: Pick<MeetingView, 'status' | 'members' | 'ballot'> & { timing?: MeetingView['timing'] },
  voted: boolean,
): VoteButtons {
  const me = m.members.find((x) => x.isMe) ?? null
  if (m.status === 'closed' || m.status === 'cancelled' || m.status === 'lapsed')
    return {
      stage: 'closed',
      hint:
        m.status === 'cancelled'
          ? '这次会议已取消'
          : m.status === 'lapsed'
            ? '会议没有按时召开，已经失效。两委重新安排后会再通知您。'
            : voted
              ? '表决已结束，您投过票了'
              : '表决已结束',
    }
  if (!me) return { stage: 'not_member', hint: '您不在这次会议的参会名单上，可以看会议情况和结果。' }
  if (m.status === 'scheduled') {
    const t = m.timing
    const at = t ? chinaTimeLabel(new Date(t.votingOpensAt)) : null
    if (t?.moment === 'lapsed')
      return { stage: 'closed', hint: '会议过了开会时间一天还没有开始，已经失效。两委重新安排后会再通知您。' }
    if (t && t.moment !== 'before_check_in')
      return me.present
        ? { stage: 'checked_in', hint: `已签到。会议${at}开始，两委开始会议后就能表决。` }
        : { stage: 'check_in', hint: `签到已经开始。会议${at}开始，签到后等会议开始就能表决。` }
    return {
      stage: 'not_open',
      hint: t
        ? `会议${at}开始，${chinaTimeLabel(new Date(t.checkInOpensAt))}起可以签到，会议开始后才能表决。`
        : '会议开始后，到了会场点“我已到会”签到，然后就能表决。',
    }
  }
  if (!me.present) return { stage: 'check_in', hint: '到了会场请先签到，签到后才能表决。' }
  if (voted)
    return {
      stage: 'voted',
      hint: m.ballot === 'secret' ? '已投票。无记名投票，谁也看不到您投了什么。' : '已投票',
    }
  return {
    stage: 'vote',
    hint: m.ballot === 'secret' ? '这是无记名投票，谁也看不到您投了什么。' : '这是公开表决。',
  }
}

export function confirmVoteText(choice: Choice, ballot: BallotKind): string {
  const tail = ballot === 'secret' ? '无记名投票，投出后不能更改。' : '公开表决，投出后不能更改。'
  return `您投的是“${CHOICE_LABELS[choice]}”。${tail}`
}

/** The key under which the phone remembers that I voted (never what). */
export const votedKey = (accountId: number, meetingId: number): string =>
  `xl.deliberation.voted.${accountId}.${meetingId}`

// ---------- the clerk ----------

/** Members not yet signed in, which the clerk may tick from the paper sheet. */
export const absentMembers = (members: readonly MeetingMemberLine[]): MeetingMemberLine[] =>
  members.filter((m) => !m.present)

export function toggle(selected: readonly number[], id: number): number[] {
  return selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]
}

export interface CountInput {
  yes: string
  no: string
  abstain: string
}

/**
 * The clerk's count of hands or paper ballots, for those who did not vote on their phone. The
 * server adds the phone ballots and refuses a total above those present; this catches typing.
 */
export function checkCount(
  input: CountInput,
  present: number,
): { ok: true; counted: Votes } | { ok: false; error: string } {
  const parsed: Partial<Votes> = {}
  for (const k of ['yes', 'no', 'abstain'] as const) {
    const raw = input[k].trim()
    if (raw === '') {
      parsed[k] = 0
      continue
    }
    if (!/^\d{1,7}$/.test(raw)) return { ok: false, error: `${CHOICE_LABELS[k]}的票数只能填 0 或正整数` }
    parsed[k] = Number(raw)
  }
  const counted = parsed as Votes
  if (counted.yes + counted.no + counted.abstain > present)
    return { ok: false, error: `同意、反对、弃权加起来不能超过到会的 ${present} 人` }
  return { ok: true, counted }
}
