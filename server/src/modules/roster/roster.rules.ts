import { parseRosterRow, type RosterImportFailure, type RosterRow } from '@xiangli/shared'
import type { SheetRow } from './roster-file'

/** A row of a sheet that may go onto the roster, with the keyed hash of its ID number. */
export interface GoodRow {
  row: number
  data: RosterRow
  idHash: string
}

/**
 * Sorts a sheet's rows into those that may go in and those that may not, each refusal with its row
 * number and a reason a clerk can act on: a number Excel mangled, a row that does not parse, a
 * person twice in the sheet, a person already on the roster.
 */
export function triageRows(
  sheet: SheetRow[],
  onRoster: Set<string>,
  idHash: (idNumber: string) => string,
): { good: GoodRow[]; failed: RosterImportFailure[] } {
  const failed: RosterImportFailure[] = []
  const good: GoodRow[] = []
  const seen = new Map<string, number>()
  for (const s of sheet) {
    if (s.numericId) {
      failed.push({
        row: s.row,
        reason: '身份证号被表格存成了数字（后几位会丢失），请把这一列设为“文本”格式后重新填写',
      })
      continue
    }
    const parsed = parseRosterRow(s.raw)
    if (!parsed.ok) {
      failed.push({ row: s.row, reason: parsed.reason })
      continue
    }
    const hash = idHash(parsed.row.idNumber)
    const earlier = seen.get(hash)
    if (earlier !== undefined) {
      failed.push({ row: s.row, reason: `身份证号与第 ${earlier} 行重复` })
      continue
    }
    if (onRoster.has(hash)) {
      failed.push({ row: s.row, reason: '此人已在花名册中' })
      continue
    }
    seen.set(hash, s.row)
    good.push({ row: s.row, data: parsed.row, idHash: hash })
  }
  failed.sort((a, b) => a.row - b.row)
  return { good, failed }
}
