import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { formatChineseDate, formatVerificationCode } from '@xiangli/shared'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { AppException } from '../../core/errors/app.exception'
import { CJK, chooseCjkFont, MixedText } from './certificate-font'

export interface CertificatePrint {
  title: string
  body: string
  /** the issuing body in full: 柳林村村民委员会 */
  issuer: string
  /** 用途, as the applicant asked for it */
  purpose: string
  /** YYYY-MM-DD, China time */
  issuedOn: string
  issuedAt: Date
  number: string
  verificationCode: string
  verificationUrl: string
}

/** A4 in points; where the QR code sits, so a test can read it back from the rendered page. */
export const PAGE = { width: 595.28, height: 841.89 }
export const QR_BOX = { x: 72, y: 640, size: 110 }
/** the seal's size; it sits over the village name and the date, as a stamp does */
const SEAL_RADIUS = 58
const RED = '#d0021b'

/** The QR code printed on a certificate, as a matrix of modules (true = dark). */
export function qrMatrix(url: string): boolean[][] {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  return Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => qr.modules.get(y, x) === 1))
}

/**
 * Draws a certificate from what was stored at issue (the body, number, code and time), with the
 * document dates fixed to the time of issue, so the same input always gives the same document and
 * nothing goes stale when a certificate is revoked. CertificatePdfStore keeps what it draws.
 */
@Injectable()
export class CertificatePdf implements OnModuleInit {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private readonly log = new Logger('CertificatePdf')
  /** why PDFs cannot be made here, or null when the font loaded */
  private fontProblem: string | null = null
  /** the Chinese font PDFs are drawn with (certificate-font.ts says which one is chosen) */
  private font: { path: string; name?: string } = { path: '' }

  /**
   * A missing or unreadable font stops a production server at boot, naming the setting. Elsewhere
   * (a newcomer's demo without Chinese fonts installed) the server starts and only PDF downloads
   * answer CERTIFICATE_PDF_UNAVAILABLE; certificates are still numbered and verifiable.
   */
  onModuleInit(): void {
    const choice = chooseCjkFont(this.config)
    if ('problem' in choice) {
      this.fontProblem = choice.problem
    } else {
      this.font = choice
      try {
        new PDFDocument({ autoFirstPage: false }).registerFont(CJK, choice.path, choice.name).font(CJK)
      } catch (e) {
        this.fontProblem = `CJK_FONT_PATH / CJK_FONT_NAME: cannot open ${choice.path} (${choice.name ?? 'its first face'}): ${(e as Error).message}`
      }
    }
    if (this.fontProblem === null) return
    if (this.config.NODE_ENV === 'production') throw new Error(this.fontProblem)
    this.log.warn(`${this.fontProblem}. Certificate PDFs cannot be made until it is fixed.`)
  }

  render(c: CertificatePrint): Promise<Buffer> {
    if (this.fontProblem !== null) throw new AppException('CERTIFICATE_PDF_UNAVAILABLE')
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 72, bottom: 72, left: 72, right: 72 },
      info: {
        Title: c.title,
        Subject: c.number,
        Producer: '乡里',
        Creator: '乡里',
        CreationDate: c.issuedAt,
        ModDate: c.issuedAt,
      },
    })
    const chunks: Buffer[] = []
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (b: Buffer) => chunks.push(b))
      doc.on('end', () => resolve(Buffer.concat(chunks)))
      doc.on('error', reject)
    })
    doc.registerFont(CJK, this.font.path, this.font.name)
    const ink = new MixedText(doc)
    const width = PAGE.width - 144

    doc.fontSize(24).fillColor('black')
    ink.text(c.title, 72, 100, { width, align: 'center', characterSpacing: 4 })
    doc.moveDown(1.5)
    doc.fontSize(14)
    for (const paragraph of c.body.split('\n'))
      ink.text(paragraph, 72, undefined, { width, indent: 28, lineGap: 8, paragraphGap: 6 })
    doc.moveDown(0.5)
    ink.text(`用途：${c.purpose}`, 72, undefined, { width, indent: 28, lineGap: 8 })

    // the issuing body and the date follow the body; a body too long for one page moves the QR code on
    const signY = Math.max(doc.y + 40, 440)
    doc.fontSize(14)
    ink.text(c.issuer, 272, signY, { width: 251, align: 'center' })
    ink.text(formatChineseDate(c.issuedOn), 272, signY + 26, { width: 251, align: 'center' })
    this.drawSeal(doc, ink, c.issuer, signY + 20)
    if (signY + 26 + SEAL_RADIUS > QR_BOX.y - 10) doc.addPage()

    this.drawQr(doc, qrMatrix(c.verificationUrl))
    const textX = QR_BOX.x + QR_BOX.size + 16
    doc.fillColor('black').fontSize(11)
    ink.text(`证明编号：${c.number}`, textX, QR_BOX.y + 10, { width: 300 })
    ink.text(`查验码：${formatVerificationCode(c.verificationCode)}`, textX, QR_BOX.y + 32, { width: 300 })
    doc.fontSize(9).fillColor('#555555')
    ink.text('扫描二维码，或凭证明编号和查验码在线核验真伪。', textX, QR_BOX.y + 54, { width: 300 })
    doc.end()
    return done
  }

  /** 电子印章: a red ring, the issuing body around the top, a star in the middle; marked as such. */
  private drawSeal(doc: PDFKit.PDFDocument, ink: MixedText, issuer: string, cy: number): void {
    const cx = 430
    const r = SEAL_RADIUS
    doc.save()
    doc.lineWidth(3).strokeColor(RED).circle(cx, cy, r).stroke()
    // a five-pointed star
    const outer = r * 0.3
    const inner = outer * 0.38
    const points: [number, number][] = []
    for (let i = 0; i < 10; i++) {
      const rad = i % 2 === 0 ? outer : inner
      const angle = -Math.PI / 2 + (i * Math.PI) / 5
      points.push([cx + rad * Math.cos(angle), cy + rad * Math.sin(angle)])
    }
    doc.polygon(...points).fill(RED)
    // the name along the upper arc, one character at a time
    const chars = Array.from(issuer)
    // a longer name closes further round the ring, in smaller characters, as a real seal's does
    const span = Math.min(Math.PI * 1.4, chars.length * 0.42)
    const size = chars.length > 6 ? 11 : 13
    doc.fillColor(RED).fontSize(size)
    chars.forEach((ch, i) => {
      const angle =
        -Math.PI / 2 - span / 2 + (chars.length === 1 ? span / 2 : (i * span) / (chars.length - 1))
      const x = cx + (r - size) * Math.cos(angle)
      const y = cy + (r - size) * Math.sin(angle)
      doc.save()
      doc.rotate((angle * 180) / Math.PI + 90, { origin: [x, y] })
      ink.text(ch, x - size / 2, y - size / 2, { lineBreak: false })
      doc.restore()
    })
    doc.fontSize(8)
    ink.text('电子印章（仅供核验）', cx - r, cy + r * 0.45, { width: 2 * r, align: 'center' })
    doc.restore()
  }

  private drawQr(doc: PDFKit.PDFDocument, matrix: boolean[][]): void {
    const n = matrix.length
    // a quiet zone of 2 modules on each side
    const m = QR_BOX.size / (n + 4)
    doc.save().fillColor('black')
    matrix.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) doc.rect(QR_BOX.x + (x + 2) * m, QR_BOX.y + (y + 2) * m, m, m)
      }),
    )
    doc.fill()
    doc.restore()
  }
}
