/**
 * 居民身份证号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export function idNumberCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().replace(/\s+/g, '').toUpperCase()
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit'

export interface ParsedIdNumber {
  value: string
  birthDate: string // YYYY-MM-DD
  sex: 'male' | 'female'
}

export function parseIdNumber(
  raw: string,
  today: Date = new Date(),
): ParsedIdNumber | { problem: IdNumberProblem } {
  const value = normalizeIdNumber(raw)
  if (!/^\d{17}[\dX]$/.test(value)) return { problem: 'format' }
  const y = Number(value.slice(6, 10))
  const m = Number(value.slice(10, 12))
  const d = Number(value.slice(12, 14))
  if (!isRealDate(y, m, d) || y < 1900) return { problem: 'birth_date' }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  if (birthDate > today.toISOString().slice(0, 10)) return { problem: 'birth_date' }
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { problem: 'check_digit' }
  return { value, birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' }
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false
  if (m < 1 || m > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!
  return d <= days
}

/** 3301**********1234: the first four and last four stay, so a person can still recognise their own. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length)
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4)
}

export function normalizePhone(raw: string): string {
  return raw
    .trim()
    .replace(/[\s-]/g, '')
    .replace(/^\+?86/, '')
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export function isValidPhone(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizePhone(raw))
}

/** 138****1234 */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length)
  return value.slice(0, 3) + '****' + value.slice(-4)
}

/** 张*明, 李* : only the family name shows on public walls. */
export function maskName(name: string): string {
  const chars = Array.from(name)
  if (chars.length <= 1) return name
  if (chars.length === 2) return chars[0] + '*'
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/** Age in whole years on a given day, from a YYYY-MM-DD birth date. */
export function ageOn(birthDate: string, day: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  const ty = day.getUTCFullYear()
  const tm = day.getUTCMonth() + 1
  const td = day.getUTCDate()
  let age = ty - y
  if (tm < m || (tm === m && td < d)) age -= 1
  return age
}
