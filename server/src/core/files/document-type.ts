/**
 * Documents a notice may carry besides photos: PDF, Excel workbooks (.xlsx) and CSV tables. Like photos,
 * they are recognised by their bytes, never by the name or the type the phone claims.
 */
export type DocumentMime =
  'application/pdf' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' | 'text/csv'

export interface DocumentInfo {
  mime: DocumentMime
  ext: 'pdf' | 'xlsx' | 'csv'
}

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04])

export function sniffDocument(b: Buffer): DocumentInfo | null {
  if (b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-') return { mime: 'application/pdf', ext: 'pdf' }
  if (b.length >= 30 && b.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) {
    // an .xlsx is a zip whose entry names (stored as plain text in the local headers) include the
    // workbook part; a .docx or any other zip is not a spreadsheet
    const names = b.toString('latin1')
    return names.includes('[Content_Types].xml') && names.includes('xl/workbook.xml')
      ? { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' }
      : null
  }
  return looksLikeCsv(b) ? { mime: 'text/csv', ext: 'csv' } : null
}

/** Text in UTF-8 or, as Excel on Chinese Windows saves it, GBK; null for anything that decodes as neither. */
function decodeText(b: Buffer): string | null {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(b)
    } catch {
      // not this encoding
    }
  }
  return null
}

/** Text (a BOM allowed), no control bytes but tab/CR/LF, and a first line with a separator. */
function looksLikeCsv(b: Buffer): boolean {
  let text = decodeText(b)
  if (text === null) return false
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  // eslint-disable-next-line no-control-regex
  if (text.length === 0 || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return false
  // markup is not a table, whatever its commas
  if (/^\s*</.test(text)) return false
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  return firstLine.includes(',') || firstLine.includes('\t')
}
