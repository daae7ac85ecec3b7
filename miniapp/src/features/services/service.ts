/**
 * 便民服务 on the phone: labels and tones of the states, the queue's filters, the words of a time
 * limit, the hand-off form's check and the township's totals. The rules themselves are shared.
 */
import {
  SERVICE_DAY_KIND_LABELS,
  SERVICE_HANDLING_LABELS,
  SERVICE_REQUEST_STATE_LABELS,
  serviceStepLabel,
  type ServiceDayKind,
  type ServiceHandling,
  type ServiceHandoff,
  type ServiceHandoffRequest,
  type ServiceRequestState,
  type ServiceStats,
  type ServiceStatsRow,
} from '@xiangli/shared'
import type { StateTone } from '@/components/StateTag'

export const SERVICE_STATE_TONE: Record<ServiceRequestState, StateTone> = {
  submitted: 'waiting',
  accepted: 'working',
  forwarded: 'township',
  result_back: 'working',
  done: 'done',
  refused: 'stopped',
  withdrawn: 'stopped',
}
export const serviceStateLabel = (s: ServiceRequestState): string => SERVICE_REQUEST_STATE_LABELS[s]

/** 15 个工作日 / 10 天 */
export const timeLimitText = (i: { timeLimitDays: number; dayKind: ServiceDayKind }): string =>
  `${i.timeLimitDays} ${SERVICE_DAY_KIND_LABELS[i.dayKind]}`

export const handlingText = (h: ServiceHandling): string => SERVICE_HANDLING_LABELS[h]

/** The queue's filters: what needs the desk now first. */
export type QueueFilter = 'open' | 'overdue' | ServiceRequestState
export const QUEUE_FILTERS: { value: QueueFilter; label: string }[] = [
  { value: 'submitted', label: '待受理' },
  { value: 'accepted', label: '已受理' },
  { value: 'forwarded', label: '已递交' },
  { value: 'result_back', label: '待送达' },
  { value: 'overdue', label: '已超时' },
  { value: 'done', label: '已办结' },
  { value: 'open', label: '全部' },
]

export function queueQuery(f: QueueFilter): { state?: ServiceRequestState; overdue?: 'true' } {
  if (f === 'open') return {}
  if (f === 'overdue') return { overdue: 'true' }
  return { state: f }
}

/** The button that records a hand-off, in the words staff use at the desk. */
export const handoffButton = (kind: ServiceHandoff, handling: ServiceHandling): string =>
  kind === 'accept' ? '登记：材料已收取' : `登记：${serviceStepLabel(kind, handling)}`

export interface HandoffDraft {
  office: string
  receiver: string
  note: string
}

/** What the desk sends for a hand-off, or what is missing. */
export function handoffBody(
  kind: ServiceHandoff,
  d: HandoffDraft,
  photoId: number | null,
): { ok: true; body: ServiceHandoffRequest } | { ok: false; problem: string } {
  if (kind === 'hand_over' && d.receiver.trim() === '')
    return { ok: false, problem: '请填写办理单位的接收人' }
  return {
    ok: true,
    body: {
      kind,
      ...(kind === 'hand_over' ? { office: d.office.trim(), receiver: d.receiver.trim() } : {}),
      note: d.note.trim(),
      photoId,
    },
  }
}

export interface VillageTotals {
  villageId: number
  villageName: string
  requested: number
  done: number
  overdue: number
  rows: ServiceStatsRow[]
}

/** The township's rows grouped by village, with each village's totals. */
export function byVillage(stats: ServiceStats): VillageTotals[] {
  const out = new Map<number, VillageTotals>()
  for (const r of stats.rows) {
    const v = out.get(r.villageId) ?? {
      villageId: r.villageId,
      villageName: r.villageName,
      requested: 0,
      done: 0,
      overdue: 0,
      rows: [],
    }
    v.requested += r.requested
    v.done += r.done
    v.overdue += r.overdue
    v.rows.push(r)
    out.set(r.villageId, v)
  }
  return [...out.values()]
}

/** 平均 2.5 天 / 还没有办结的 */
export const averageText = (days: number | null): string => (days === null ? '—' : `${days} 天`)
