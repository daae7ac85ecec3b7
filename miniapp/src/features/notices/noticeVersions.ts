/**
 * What changed between two versions of a notice, in short sentences for the version history
 * (更正记录). Every version stays readable in full; this only points at what to look at.
 */
import { FINANCE_LINE_KIND_LABELS, type FinanceLine, type FinanceTotals } from '@xiangli/shared'
import { formatFen } from './noticeMoney'

/** The parts of a version the summary compares (a version view carries more). */
export interface ComparableVersion {
  title: string
  body: string
  lines: readonly FinanceLine[]
  totals: FinanceTotals | null
  attachments: readonly { fileId: number; name?: string | null }[]
}

const lineKey = (l: FinanceLine) => `${l.kind}\u0000${l.item.trim()}`
const lineName = (l: FinanceLine) => `${FINANCE_LINE_KIND_LABELS[l.kind]}“${l.item.trim()}”`

/** The changes from `before` to `after`, most important first; [] when the content is the same. */
export function versionChanges(before: ComparableVersion, after: ComparableVersion): string[] {
  const out: string[] = []
  if (before.title.trim() !== after.title.trim()) out.push(`标题改为“${after.title.trim()}”`)

  // finance lines, matched by kind and item
  const old = new Map<string, FinanceLine[]>()
  for (const l of before.lines) old.set(lineKey(l), [...(old.get(lineKey(l)) ?? []), l])
  for (const l of after.lines) {
    const same = old.get(lineKey(l))
    const was = same?.shift()
    if (!was) out.push(`新增${lineName(l)} ${formatFen(l.amountFen)}`)
    else if (was.amountFen !== l.amountFen)
      out.push(`${lineName(l)} ${formatFen(was.amountFen)} → ${formatFen(l.amountFen)}`)
    else if ((was.note ?? '') !== (l.note ?? '')) out.push(`${lineName(l)}的备注有改动`)
  }
  for (const rest of old.values())
    for (const l of rest) out.push(`删去${lineName(l)} ${formatFen(l.amountFen)}`)

  const bt = before.totals
  const at = after.totals
  if (bt && at) {
    if (bt.totalIncomeFen !== at.totalIncomeFen)
      out.push(`收入合计 ${formatFen(bt.totalIncomeFen)} → ${formatFen(at.totalIncomeFen)}`)
    if (bt.totalExpenseFen !== at.totalExpenseFen)
      out.push(`支出合计 ${formatFen(bt.totalExpenseFen)} → ${formatFen(at.totalExpenseFen)}`)
  }

  if (before.body.trim() !== after.body.trim()) out.push('正文有改动')

  const beforeFiles = new Set(before.attachments.map((a) => a.fileId))
  const afterFiles = new Set(after.attachments.map((a) => a.fileId))
  const added = after.attachments.filter((a) => !beforeFiles.has(a.fileId)).length
  const removed = before.attachments.filter((a) => !afterFiles.has(a.fileId)).length
  if (added > 0) out.push(`新增附件 ${added} 个`)
  if (removed > 0) out.push(`删去附件 ${removed} 个`)
  return out
}

/** One line for a history entry: the first changes, then "等 N 处". */
export function changeSummary(changes: readonly string[], max = 3): string {
  if (changes.length === 0) return '内容没有变化'
  const shown = changes.slice(0, max).join('；')
  return changes.length > max ? `${shown}；等 ${changes.length} 处改动` : shown
}
