import type * as ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { mapRosterHeader, type RawRosterRow, type RosterColumn } from '@xiangli/shared'
import { AppException } from '../../core/errors/app.exception'
import { loadExcel } from '../../core/lazy-modules'

export const MAX_ROSTER_ROWS = 5000

export interface SheetRow {
  /** the row number a person sees in the spreadsheet */
  row: number
  raw: RawRosterRow
  /** a cell the spreadsheet stored as a number where digits matter (ID numbers lose digits that way) */
  numericId: boolean
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('')
    if ('text' in v) return String(v.text)
    if ('result' in v) return v.result === undefined ? '' : cellText(v.result as ExcelJS.CellValue)
    return ''
  }
  return String(v)
}

function toRows(header: string[], body: { row: number; cells: (string | number)[] }[]): SheetRow[] {
  const { columns, missing } = mapRosterHeader(header)
  if (missing.length)
    throw new AppException(
      'ROSTER_FILE_INVALID',
      { missingColumns: missing },
      `表格缺少必填列：${missing.map((c) => ({ householdCode: '户号', name: '姓名', idNumber: '身份证号' })[c as 'name'] ?? c).join('、')}`,
    )
  const rows = body
    .filter((r) => r.cells.some((c) => String(c ?? '').trim() !== ''))
    .map((r) => {
      const raw: RawRosterRow = {}
      for (const [key, index] of Object.entries(columns) as [RosterColumn, number][])
        raw[key] = String(r.cells[index] ?? '').trim()
      const idCell = columns.idNumber === undefined ? undefined : r.cells[columns.idNumber]
      return { row: r.row, raw, numericId: typeof idCell === 'number' && String(idCell).length > 15 }
    })
  if (rows.length > MAX_ROSTER_ROWS) throw new AppException('ROSTER_FILE_TOO_LARGE')
  return rows
}

function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch {
    // Excel on Chinese Windows saves CSV as GBK
    return new TextDecoder('gb18030').decode(buf)
  }
}

/** Reads an .xlsx or .csv roster sheet into rows keyed by field, with their sheet row numbers. */
export async function readRosterFile(buf: Buffer, filename: string): Promise<SheetRow[]> {
  const isXlsx = buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
  if (isXlsx) {
    const wb = new (loadExcel().Workbook)()
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer)
    } catch {
      throw new AppException('ROSTER_FILE_INVALID')
    }
    const ws = wb.worksheets[0]
    if (!ws || ws.rowCount < 1) throw new AppException('ROSTER_FILE_INVALID', undefined, '表格是空的')
    if (ws.rowCount > MAX_ROSTER_ROWS + 1) throw new AppException('ROSTER_FILE_TOO_LARGE')
    const header: string[] = []
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = cellText(cell.value)))
    const body: { row: number; cells: (string | number)[] }[] = []
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (n === 1) return
      const cells: (string | number)[] = []
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = typeof cell.value === 'number' ? cell.value : cellText(cell.value)
      })
      body.push({ row: n, cells })
    })
    return toRows(header, body)
  }
  if (!/\.csv$/i.test(filename) && buf.includes(0)) throw new AppException('ROSTER_FILE_INVALID')
  let records: string[][]
  try {
    records = parse(decodeText(buf), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    })
  } catch {
    throw new AppException('ROSTER_FILE_INVALID')
  }
  if (records.length < 1) throw new AppException('ROSTER_FILE_INVALID', undefined, '表格是空的')
  return toRows(
    records[0]!,
    records.slice(1).map((cells, i) => ({ row: i + 2, cells })),
  )
}

export const ROSTER_TEMPLATE_CSV =
  '\ufeff户号,住址,村民小组,姓名,性别,出生日期,身份证号,手机号,与户主关系,户代表,户籍类型\n' +
  '001,一组12号,一组,张三,男,1970-05-01,110101197005010013,13800000000,户主,是,户籍\n'
