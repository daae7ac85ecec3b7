/**
 * 一征 (一征三议两公开's first step): the committee opens a window in which the community's residents
 * give their opinions, then posts a summary that every later step shows. The server decides; this
 * file turns its answers into the words and buttons of the pages.
 */
import {
  calendarDaysBetween,
  defaultProcedureSettings,
  type DeliberationEventType,
  type OpinionSummary,
  type SolicitationView,
} from '@xiangli/shared'
import { chinaDate, dayLabel, parseChinaTime } from './deliberationForm'
import { formatTime } from '@/logic/format'

export type WindowState = 'not_set' | 'not_yet' | 'open' | 'closed'

export interface WindowView {
  state: WindowState
  /** 征求意见到 12月2日 18:00 截止 … in plain words */
  text: string
}

/** The server's time of its answer when it sent one, else the phone's. */
const serverTime = (s: Pick<SolicitationView, 'now'> | null): Date => (s?.now ? new Date(s.now) : new Date())

/** Where the opinion window stands at `now` (the server's, by default), in words for the detail page. */
export function windowView(
  s: Pick<SolicitationView, 'opensAt' | 'closesAt' | 'now'>,
  now: Date = serverTime(s),
): WindowView {
  if (!s.closesAt) return { state: 'not_set', text: '社区还没有开始征求意见' }
  const closes = new Date(s.closesAt)
  const opens = s.opensAt ? new Date(s.opensAt) : null
  if (opens && now.getTime() < opens.getTime())
    return {
      state: 'not_yet',
      text: `${formatTime(s.opensAt!, now)} 开始征求意见，${formatTime(s.closesAt, now)} 截止`,
    }
  if (now.getTime() < closes.getTime())
    return { state: 'open', text: `正在征求意见，${formatTime(s.closesAt, now)} 截止` }
  return { state: 'closed', text: `征求意见已于 ${formatTime(s.closesAt, now)} 截止` }
}

export interface SolicitButtons {
  /** 开始征求意见: the committee, while no window is open */
  openWindow: boolean
  /** 提交意见: a resident of the community while the window is open */
  giveOpinion: boolean
  /** 汇总意见: the committee, once the window has closed */
  postSummary: boolean
  /** 汇总要等征求意见截止以后 (the committee may post, but the window still runs) */
  summaryWaits: boolean
  /** 查看意见: the committee and those who see all, or anyone who gave one */
  seeOpinions: boolean
}

/**
 * The buttons of 一征. `actions` is the server's list for the caller; `seesAll` is true for the 两委,
 * the supervisors and the township (who see every opinion).
 */
export function solicitButtons(
  d: { actions: readonly DeliberationEventType[]; solicitation: SolicitationView | null },
  seesAll: boolean,
  now: Date = serverTime(d.solicitation),
): SolicitButtons {
  const s = d.solicitation
  const none: SolicitButtons = {
    openWindow: false,
    giveOpinion: false,
    postSummary: false,
    summaryWaits: false,
    seeOpinions: false,
  }
  if (!s) return none
  const a = new Set(d.actions)
  const state = windowView(s, now).state
  const mayPost = a.has('post_summary')
  return {
    openWindow: a.has('open') && state === 'not_set',
    giveOpinion: s.canGiveOpinion && state === 'open',
    postSummary: mayPost && state === 'closed',
    summaryWaits: mayPost && (state === 'open' || state === 'not_yet'),
    seeOpinions: state !== 'not_set' && (seesAll ? true : s.myOpinionCount > 0),
  }
}

/** 共 3 条意见 / 您提了 1 条 */
export function opinionCountText(s: Pick<SolicitationView, 'opinionCount' | 'myOpinionCount'>): string {
  const mine = s.myOpinionCount > 0 ? `，其中您提了 ${s.myOpinionCount} 条` : ''
  return `已收到 ${s.opinionCount} 条意见${mine}`
}

export interface SummaryView {
  title: string
  text: string
  /** 根据 3 条居民意见汇总 · 11月30日 10:00 */
  meta: string
}

/** The committee's summary as every later step shows it; null until it is posted. */
export function summaryView(summary: OpinionSummary | null, now: Date = new Date()): SummaryView | null {
  if (!summary) return null
  return {
    title: '居民意见汇总',
    text: summary.text,
    meta: `根据 ${summary.opinionCount} 条居民意见汇总 · ${formatTime(summary.postedAt, now)}`,
  }
}

// ---------- the committee opens the window ----------

/** The legal default length of the window (the village may set more; the server says so then). */
export const SOLICITATION_MIN_DAYS = defaultProcedureSettings().solicitationMinDays

/** The earliest last day of the window: `minDays` calendar days from today, Beijing time. */
export function suggestedLastDay(now: Date, minDays: number): string {
  return chinaDate(new Date(now.getTime() + minDays * 86_400_000))
}

/**
 * The typed last day becomes the end of that day (Beijing time). The window opens now; the server
 * checks the legal minimum length again.
 */
export function checkWindow(
  lastDay: string,
  minDays: number,
  now: Date = new Date(),
): { ok: true; closesAt: string } | { ok: false; error: string } {
  const end = parseChinaTime(lastDay, '23:59')
  if (!end) return { ok: false, error: '请按 2026-12-05 这样填写截止日期' }
  const closes = new Date(end.getTime() + 59_000)
  const days = calendarDaysBetween(now, closes)
  if (days < minDays)
    return {
      ok: false,
      error: `征求意见至少要 ${minDays} 天，截止日期最早是 ${dayLabel(suggestedLastDay(now, minDays))}`,
    }
  return { ok: true, closesAt: closes.toISOString() }
}

/** The summary the committee types: not empty, at most 3000 characters. */
export function checkSummary(text: string): string | null {
  const t = text.trim()
  if (!t) return '请填写意见汇总'
  if (t.length > 3000) return '意见汇总最多 3000 字'
  return null
}
