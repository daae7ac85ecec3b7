import type { EntityManager } from 'typeorm'
import { digest } from './audit.service'

/** What a content check needs of an audit entry: which row it recorded, and the digest it recorded. */
export interface Recorded {
  seq: number
  action: string
  targetType: string
  targetId: string
  afterDigest: string | null
}

/**
 * Every entry with one of these actions, in chain order. Read in pages by sequence number, so a long
 * chain is never one result set; the entries themselves are small.
 */
export async function recordedEntries(m: EntityManager, actions: readonly string[]): Promise<Recorded[]> {
  const out: Recorded[] = []
  if (actions.length === 0) return out
  let after = 0
  for (;;) {
    const rows = (await m.query(
      `SELECT seq, action, targetType, targetId, afterDigest FROM audit_entry
        WHERE seq > ? AND action IN (${actions.map(() => '?').join(', ')})
        ORDER BY seq LIMIT 1000`,
      [after, ...actions],
    )) as {
      seq: number | string
      action: string
      targetType: string
      targetId: string
      afterDigest: string | null
    }[]
    if (rows.length === 0) return out
    for (const r of rows) out.push({ ...r, seq: Number(r.seq) })
    after = Number(rows[rows.length - 1]!.seq)
  }
}

/** Entries grouped by the row they recorded, each group in chain order. */
export function byTarget(entries: readonly Recorded[]): Map<string, Recorded[]> {
  const map = new Map<string, Recorded[]>()
  for (const e of entries) {
    const list = map.get(e.targetId)
    if (list) list.push(e)
    else map.set(e.targetId, [e])
  }
  return map
}

/**
 * Whether an entry recorded one of these forms of a record. A record's form changed over time (a
 * newer form covers more fields); an entry is checked against the form it was written in, and a row
 * altered since cannot match any of them.
 */
export function recordsOneOf(entry: Recorded, forms: readonly unknown[]): boolean {
  return forms.some((f) => digest(f) === entry.afterDigest)
}
