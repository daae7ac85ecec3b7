import { existsSync } from 'node:fs'

/** where Debian's fonts-wqy-microhei puts its collection, and the face certificates use in it */
export const SYSTEM_CJK_FONT = {
  path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  name: 'WenQuanYiMicroHei',
}

/**
 * The Chinese font that comes with the server's packages: Source Han Sans SC (SIL Open Font Licence
 * 1.1) from @librescore/fonts, a subset of about 3.5 MB with every Chinese character and Chinese
 * punctuation but no Latin letters or digits, which certificates draw in Helvetica instead.
 */
export function bundledCjkFont(): string | null {
  try {
    return require.resolve('@librescore/fonts/SourceHanSansCN.min.woff2')
  } catch {
    return null
  }
}

export type FontChoice =
  { path: string; name?: string; source: 'configured' | 'bundled' | 'system' } | { problem: string }

/**
 * The font certificate PDFs are drawn with: CJK_FONT_PATH when it is set (a missing file there is a
 * problem, never silently replaced), else the system's WenQuanYi Micro Hei when installed (it has
 * every glyph, rare characters in names too), else the bundled subset (GB2312 only), so a fresh
 * machine still prints certificates.
 */
export function chooseCjkFont(
  config: { CJK_FONT_PATH?: string; CJK_FONT_NAME?: string },
  candidates: { bundled: string | null; system: string } = {
    bundled: bundledCjkFont(),
    system: SYSTEM_CJK_FONT.path,
  },
): FontChoice {
  const configured = config.CJK_FONT_PATH
  if (configured)
    return existsSync(configured)
      ? { path: configured, name: config.CJK_FONT_NAME, source: 'configured' }
      : {
          problem: `CJK_FONT_PATH: no font file at ${configured}; install fonts-wqy-microhei or point CJK_FONT_PATH at a Chinese font`,
        }
  if (existsSync(candidates.system))
    return { path: candidates.system, name: SYSTEM_CJK_FONT.name, source: 'system' }
  if (candidates.bundled && existsSync(candidates.bundled))
    return { path: candidates.bundled, source: 'bundled' }
  return {
    problem: `no Chinese font: the bundled @librescore/fonts is not installed (pnpm install) and there is none at ${candidates.system}; install fonts-wqy-microhei or set CJK_FONT_PATH`,
  }
}

interface Glyphs {
  hasGlyphForCodePoint(codePoint: number): boolean
}
type TextOptions = PDFKit.Mixins.TextOptions

/** the font name the Chinese font is registered under in a document, and the one for what it lacks */
export const CJK = 'cjk'
const FALLBACK = 'Helvetica'

/**
 * Writes text in the Chinese font, switching to Helvetica for the characters that font has no glyph
 * for (the bundled subset has no Latin letters or digits). Text the font covers whole is drawn in one
 * call exactly as doc.text draws it.
 */
export class MixedText {
  private readonly glyphs: Glyphs | null

  constructor(private readonly doc: PDFKit.PDFDocument) {
    doc.font(CJK)
    const font = (doc as unknown as { _font?: { font?: Partial<Glyphs> } })._font?.font
    this.glyphs = typeof font?.hasGlyphForCodePoint === 'function' ? (font as Glyphs) : null
  }

  /** the text cut where it changes between the two fonts */
  runs(text: string): { text: string; font: string }[] {
    const runs: { text: string; font: string }[] = []
    for (const ch of text) {
      const font =
        this.glyphs === null || this.glyphs.hasGlyphForCodePoint(ch.codePointAt(0)!) ? CJK : FALLBACK
      const last = runs.at(-1)
      if (last?.font === font) last.text += ch
      else runs.push({ text: ch, font })
    }
    return runs
  }

  text(text: string, x: number, y: number | undefined, options: TextOptions = {}): void {
    const doc = this.doc
    const runs = this.runs(text)
    if (runs.length <= 1) {
      doc.font(CJK).text(text, x, y, options)
      return
    }
    // Helvetica's pieces sit on the Chinese font's baseline, not at the top of their own line box
    const internal = doc as unknown as { _font: { ascender: number }; _fontSize: number }
    doc.font(CJK)
    const baseline = -(internal._font.ascender / 1000) * internal._fontSize
    const optionsFor = (font: string) => (font === CJK ? options : { ...options, baseline })
    const width = (r: { text: string; font: string }) =>
      // widthOfString counts the spacing between a piece's own characters; one more joins it to the next
      doc.font(r.font).widthOfString(r.text, options) + (options.characterSpacing ?? 0)
    const total = runs.reduce((sum, r) => sum + width(r), 0)
    if (
      (options.align === 'center' || options.align === 'right') &&
      options.width &&
      total <= options.width
    ) {
      // one line placed by hand: pdfkit aligns each continued piece on its own
      let at = x + (options.width - total) / (options.align === 'center' ? 2 : 1)
      const top = y ?? doc.y
      for (const r of runs) {
        doc
          .font(r.font)
          .text(r.text, at, top, { ...optionsFor(r.font), width: undefined, align: 'left', lineBreak: false })
        at += width(r)
      }
      doc.font(CJK)
      doc.x = x
      doc.y = top + doc.currentLineHeight(true) + (options.lineGap ?? 0)
      return
    }
    runs.forEach((r, i) => {
      const last = i === runs.length - 1
      if (i === 0) doc.font(r.font).text(r.text, x, y, { ...optionsFor(r.font), continued: !last })
      else doc.font(r.font).text(r.text, { ...optionsFor(r.font), continued: !last })
    })
    doc.font(CJK)
  }
}
