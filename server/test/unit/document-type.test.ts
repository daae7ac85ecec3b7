import { deflateRawSync } from 'node:zlib'
import { sniffDocument } from '../../src/core/files/document-type'
import { sniffImage } from '../../src/core/files/image-type'
import { png } from '../support/images'
import { csvFile, encodeGbk, xlsxFile } from '../support/sheets'

/** A zip with the given entry names (content irrelevant), as a .docx or an .xlsx would start. */
function zipWith(names: string[]): Buffer {
  const parts = names.map((name) => {
    const data = deflateRawSync(Buffer.from('<x/>'))
    const head = Buffer.alloc(30)
    head.writeUInt32LE(0x04034b50, 0)
    head.writeUInt16LE(8, 8)
    head.writeUInt32LE(data.length, 18)
    head.writeUInt16LE(Buffer.byteLength(name), 26)
    return Buffer.concat([head, Buffer.from(name, 'latin1'), data])
  })
  return Buffer.concat(parts)
}

describe('sniffDocument', () => {
  it('recognises a PDF by its header', () => {
    expect(sniffDocument(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toEqual({ mime: 'application/pdf', ext: 'pdf' })
    expect(sniffDocument(Buffer.from('%PD'))).toBeNull()
  })

  it('recognises a real .xlsx and refuses other zips such as a .docx', async () => {
    expect(sniffDocument(await xlsxFile([{ 户号: '001' }]))?.ext).toBe('xlsx')
    expect(sniffDocument(zipWith(['[Content_Types].xml', 'word/document.xml']))).toBeNull()
    expect(sniffDocument(zipWith(['[Content_Types].xml', 'xl/workbook.xml']))?.ext).toBe('xlsx')
  })

  it('takes CSV in UTF-8 (with or without a BOM) or GBK, and refuses binary and markup', () => {
    expect(sniffDocument(csvFile([{ 户号: '001' }]))?.mime).toBe('text/csv')
    expect(sniffDocument(Buffer.from('项目,金额\n租金,100\n'))?.ext).toBe('csv')
    expect(sniffDocument(Buffer.from('a\tb\n1\t2\n'))?.ext).toBe('csv')
    expect(sniffDocument(Buffer.from('<html><body>a,b</body></html>'))).toBeNull()
    expect(sniffDocument(Buffer.from('just a sentence\n'))).toBeNull()
    expect(sniffDocument(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]))).toBeNull()
    expect(sniffDocument(encodeGbk('户号,姓名\n001,张三\n'))?.ext).toBe('csv')
    expect(sniffDocument(Buffer.alloc(0))).toBeNull()
  })

  it('leaves photos to sniffImage', () => {
    expect(sniffDocument(png(2, 2))).toBeNull()
    expect(sniffImage(png(2, 2))?.mime).toBe('image/png')
  })
})
