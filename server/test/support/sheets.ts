import ExcelJS from 'exceljs'

export const TEMPLATE_HEADER = [
  '户号',
  '住址',
  '村民小组',
  '姓名',
  '性别',
  '出生日期',
  '身份证号',
  '手机号',
  '与户主关系',
  '户代表',
  '户籍类型',
] as const
export type SheetRow = Record<string, string | number>

const csvCell = (v: string | number) => {
  const s = String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvText(rows: SheetRow[], header: readonly string[] = TEMPLATE_HEADER): string {
  return (
    [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]
      .map((cells) => cells.map(csvCell).join(','))
      .join('\r\n') + '\r\n'
  )
}

/** UTF-8 with a byte-order mark, the way Excel saves “CSV UTF-8”. */
export const csvFile = (rows: SheetRow[], header: readonly string[] = TEMPLATE_HEADER): Buffer =>
  Buffer.from('\ufeff' + csvText(rows, header), 'utf8')

export async function xlsxFile(
  rows: SheetRow[],
  header: readonly string[] = TEMPLATE_HEADER,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.addRow([...header])
  for (const r of rows) ws.addRow(header.map((h) => r[h] ?? ''))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * Encodes text as GBK, the way Excel on Chinese Windows saves a CSV. Node can decode GBK but not
 * encode it, so the table is built by decoding every two-byte GBK sequence once.
 */
let gbkTable: Map<string, Buffer> | null = null
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gbk')
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const bytes = Buffer.from([lead, trail])
        const ch = decoder.decode(bytes)
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, bytes)
      }
  }
  const parts: Buffer[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) parts.push(Buffer.from(ch, 'latin1'))
    else {
      const bytes = gbkTable.get(ch)
      if (!bytes) throw new Error(`no GBK code for ${ch}`)
      parts.push(bytes)
    }
  }
  return Buffer.concat(parts)
}
