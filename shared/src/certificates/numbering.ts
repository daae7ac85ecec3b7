/**
 * Every certificate carries a number: the village's 12-digit statistical division code (统计用区划代码),
 * the year of issue and a sequence that starts at 1 each year, e.g. 330106101201-2026-0007.
 * Sequences are gapless: a revoked certificate keeps its number, so a missing number means a
 * certificate nobody can account for.
 */

export const VILLAGE_CODE_PATTERN = /^\d{12}$/
export const SEQUENCE_MIN_DIGITS = 4

export interface CertificateNumber {
  villageCode: string
  year: number
  sequence: number
}

export const isVillageCode = (code: string): boolean => VILLAGE_CODE_PATTERN.test(code)

/** The year a certificate belongs to is the year in China at the moment of issue (UTC+8, no DST). */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
export const certificateYear = (at: Date): number => Number(chinaDate(at).slice(0, 4))

export function formatCertificateNumber(n: CertificateNumber): string {
  if (!isVillageCode(n.villageCode)) throw new Error(`Not a 12-digit village code: ${n.villageCode}`)
  if (!Number.isInteger(n.year) || n.year < 2000 || n.year > 9999) throw new Error(`Bad year: ${n.year}`)
  if (!Number.isSafeInteger(n.sequence) || n.sequence < 1) throw new Error(`Bad sequence: ${n.sequence}`)
  return `${n.villageCode}-${n.year}-${String(n.sequence).padStart(SEQUENCE_MIN_DIGITS, '0')}`
}

const NUMBER_PATTERN = /^(\d{12})-(\d{4})-(\d{4,})$/

/**
 * Reads a number as typed from paper: spaces dropped, full-width digits and dashes folded. Only the
 * canonical spelling parses (0007, not 007 or 00007), so one certificate has one number.
 */
export function parseCertificateNumber(raw: string): CertificateNumber | null {
  const text = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—―－]/g, '-')
  const m = NUMBER_PATTERN.exec(text)
  if (!m) return null
  const seq = m[3]!
  if (seq.length > SEQUENCE_MIN_DIGITS && seq.startsWith('0')) return null
  const n = { villageCode: m[1]!, year: Number(m[2]), sequence: Number(seq) }
  if (n.year < 2000 || n.sequence < 1 || !Number.isSafeInteger(n.sequence)) return null
  return n
}

export const nextCertificateNumber = (villageCode: string, year: number, lastSequence: number): string =>
  formatCertificateNumber({ villageCode, year, sequence: lastSequence + 1 })

export interface NumberSeries {
  villageCode: string
  year: number
  count: number
  highest: number
  /** sequences between 1 and the highest that no certificate carries */
  missing: number[]
  /** sequences that more than one certificate carries */
  duplicates: number[]
}

export interface NumberingReport {
  gapless: boolean
  series: NumberSeries[]
  /** strings that are not certificate numbers at all */
  invalid: string[]
}

/**
 * Checks a list of issued numbers (any villages, any years) series by series: each must run 1, 2, 3 …
 * with nothing missing and nothing twice.
 */
export function checkNumberSequence(numbers: readonly string[]): NumberingReport {
  const invalid: string[] = []
  const groups = new Map<string, { villageCode: string; year: number; seqs: number[] }>()
  for (const raw of numbers) {
    const n = parseCertificateNumber(raw)
    if (!n) {
      invalid.push(raw)
      continue
    }
    const key = `${n.villageCode}-${n.year}`
    const g = groups.get(key) ?? { villageCode: n.villageCode, year: n.year, seqs: [] }
    g.seqs.push(n.sequence)
    groups.set(key, g)
  }
  const series = [...groups.values()]
    .sort((a, b) => a.villageCode.localeCompare(b.villageCode) || a.year - b.year)
    .map((g): NumberSeries => {
      const seen = new Set<number>()
      const duplicates = new Set<number>()
      for (const s of g.seqs) (seen.has(s) ? duplicates : seen).add(s)
      const highest = Math.max(...g.seqs)
      const missing: number[] = []
      for (let s = 1; s <= highest; s++) if (!seen.has(s)) missing.push(s)
      return {
        villageCode: g.villageCode,
        year: g.year,
        count: g.seqs.length,
        highest,
        missing,
        duplicates: [...duplicates].sort((a, b) => a - b),
      }
    })
  const gapless =
    invalid.length === 0 && series.every((s) => s.missing.length === 0 && s.duplicates.length === 0)
  return { gapless, series, invalid }
}
