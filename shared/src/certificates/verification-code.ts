/**
 * Anyone holding a certificate can check it: the QR code (or the printed number and code) opens a
 * public page that answers valid, revoked, 证明信息与存档不一致 or 无效, and shows nothing a stranger should not see.
 *
 * The verification code is 8 characters from a 32-character alphabet without 0/O, 1/I: 40 bits, read
 * off paper without confusion. The server draws the bytes from its crypto module; this file maps
 * them and checks the format, and never makes randomness of its own.
 */
import { z } from 'zod'
import { maskName } from '../identity'

export const VERIFICATION_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const VERIFICATION_CODE_LENGTH = 8

/** Case and the separators people type (spaces, dashes) do not matter. */
export function normalizeVerificationCode(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―]/g, '')
}

const CODE_PATTERN = new RegExp(`^[${VERIFICATION_CODE_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`)

export const isValidVerificationCode = (raw: string): boolean =>
  CODE_PATTERN.test(normalizeVerificationCode(raw))

/**
 * Maps random bytes (from crypto.randomBytes on the server) to a code. 256 is a multiple of 32, so
 * taking the low five bits of each byte keeps every character equally likely.
 */
export function verificationCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < VERIFICATION_CODE_LENGTH)
    throw new Error(`Need ${VERIFICATION_CODE_LENGTH} random bytes, got ${bytes.length}`)
  let code = ''
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) code += VERIFICATION_CODE_ALPHABET[bytes[i]! & 31]
  return code
}

/** K7QM3XPA → K7QM-3XPA, as printed under the QR code. */
export const formatVerificationCode = (code: string): string => {
  const c = normalizeVerificationCode(code)
  return `${c.slice(0, 4)}-${c.slice(4)}`
}

/** Compares a typed code with the stored one in time that does not depend on where they differ. */
export function verificationCodesMatch(stored: string, typed: string): boolean {
  const a = normalizeVerificationCode(stored)
  const b = normalizeVerificationCode(typed)
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}

// ---------- the public page ----------

/**
 * What the public verification page shows, and nothing else: the answer, the number that was asked
 * about, the item, the village, the date of issue and the holder's name with all but the family name
 * masked. A wrong number or code answers `invalid` and says nothing more. A certificate whose record
 * no longer matches what was archived in the audit chain when it was issued (its holder, item,
 * number or state changed behind the application's back) answers `mismatch`, never `valid`, and
 * shows none of the altered facts.
 */
export type PublicCertificateCheck =
  | {
      result: 'valid' | 'revoked'
      number: string
      itemName: string
      villageName: string
      /** YYYY-MM-DD, in China time */
      issuedOn: string
      /** 张*明 */
      holderName: string
    }
  | { result: 'mismatch'; number: string; message: typeof CERTIFICATE_ARCHIVE_MISMATCH }
  | { result: 'invalid' }

export const CERTIFICATE_ARCHIVE_MISMATCH = '证明信息与存档不一致'

export const PUBLIC_CHECK_RESULT_LABELS: Record<PublicCertificateCheck['result'], string> = {
  valid: '有效',
  revoked: '已作废',
  mismatch: CERTIFICATE_ARCHIVE_MISMATCH,
  invalid: '无效',
}

export interface StoredCertificateForCheck {
  number: string
  verificationCode: string
  state: 'issued' | 'revoked'
  itemName: string
  villageName: string
  issuedOn: string
  holderName: string
  /**
   * whether the stored certificate still matches the digest the audit chain recorded when it was
   * issued (and, once revoked, when it was revoked)
   */
  matchesArchive: boolean
}

/**
 * The answer to a public check. `stored` is the certificate with the typed number, or null; the code
 * is compared even when nothing was found, so the time taken does not reveal whether the number exists.
 * `typedCodeArchived`: the typed code is the one the chain recorded at issue, so a stored code that
 * differs from it was changed afterwards, and the holder of the genuine paper is told so.
 */
export function publicCertificateCheck(
  stored: StoredCertificateForCheck | null,
  typedCode: string,
  typedCodeArchived = false,
): PublicCertificateCheck {
  const matches = verificationCodesMatch(stored?.verificationCode ?? 'XXXXXXXX', typedCode)
  if (!stored || !isValidVerificationCode(typedCode)) return { result: 'invalid' }
  if (!matches && !typedCodeArchived) return { result: 'invalid' }
  if (!matches || !stored.matchesArchive)
    return { result: 'mismatch', number: stored.number, message: CERTIFICATE_ARCHIVE_MISMATCH }
  return {
    result: stored.state === 'issued' ? 'valid' : 'revoked',
    number: stored.number,
    itemName: stored.itemName,
    villageName: stored.villageName,
    issuedOn: stored.issuedOn,
    holderName: maskName(stored.holderName),
  }
}

/** The link in the QR code: the public page with the number and the code. */
export function certificateVerificationUrl(baseUrl: string, number: string, code: string): string {
  const sep = baseUrl.includes('?') ? '&' : '?'
  return `${baseUrl}${sep}n=${encodeURIComponent(number)}&c=${encodeURIComponent(normalizeVerificationCode(code))}`
}

/**
 * The public verification page of the H5 app (hash routing), which anyone opens without logging in.
 * Certificates issued before the check was a plain page carry it in their QR code: the H5 app's
 * index.html sends such a link on to CERTIFICATE_CHECK_PATH before the app loads.
 */
export const CERTIFICATE_CHECK_PAGE = '/pages/certificate-check/index'

/** The check as a plain server-rendered page (no JavaScript needed), which the QR code opens. */
export const CERTIFICATE_CHECK_PATH = '/certificates/check'

/** The link printed in the QR code: the plain check page at the public base URL. */
export function certificateCheckPageUrl(publicBaseUrl: string, number: string, code: string): string {
  return certificateVerificationUrl(
    `${publicBaseUrl.replace(/\/+$/, '')}${CERTIFICATE_CHECK_PATH}`,
    number,
    code,
  )
}

/**
 * What a check page says for each answer: the verdict, whether it is good news, and what to do when
 * it is not. Only 有效 is good news; a certificate whose record no longer matches its archive is
 * said so plainly, with none of its (possibly altered) facts.
 */
export function certificateCheckVerdict(result: PublicCertificateCheck): {
  label: string
  good: boolean
  advice: string | null
} {
  const label = PUBLIC_CHECK_RESULT_LABELS[result.result]
  switch (result.result) {
    case 'valid':
      return { label, good: true, advice: null }
    case 'revoked':
      return { label, good: false, advice: '这份证明已被出具单位作废，不能再使用。' }
    case 'mismatch':
      return {
        label,
        good: false,
        advice:
          '这份证明在系统里的记录和出具时的存档对不上，可能被人改动过，暂时不能当作有效证明使用。请联系出具单位核实，或向乡镇（街道）反映。',
      }
    case 'invalid':
      return { label, good: false, advice: '没有查到这份证明。请核对证明编号和查验码是否输错。' }
  }
}

const CHECK_NUMBER_MAX = 40
const CHECK_CODE_MAX = 20
const CHECK_NUMBER_MISSING = '请输入证明编号'
const CHECK_CODE_MISSING = '请输入查验码'

/** The query of the public page: `n` the certificate number, `c` the verification code. */
export const certificateCheckQuerySchema = z.object({
  n: z.string().trim().min(1, CHECK_NUMBER_MISSING).max(CHECK_NUMBER_MAX),
  c: z.string().trim().min(1, CHECK_CODE_MISSING).max(CHECK_CODE_MAX),
})

/**
 * The same check as `certificateCheckQuerySchema`, without zod, for the check page: it opens from a
 * QR code on a weak signal and is in the mini program's main package, which should not carry zod.
 */
export function readCertificateCheckQuery(input: {
  n?: unknown
  c?: unknown
}): { ok: true; query: { n: string; c: string } } | { ok: false; message: string } {
  const n = typeof input.n === 'string' ? input.n.trim() : ''
  const c = typeof input.c === 'string' ? input.c.trim() : ''
  if (!n) return { ok: false, message: CHECK_NUMBER_MISSING }
  if (n.length > CHECK_NUMBER_MAX) return { ok: false, message: '证明编号太长了，请核对' }
  if (!c) return { ok: false, message: CHECK_CODE_MISSING }
  if (c.length > CHECK_CODE_MAX) return { ok: false, message: '查验码太长了，请核对' }
  return { ok: true, query: { n, c } }
}
export type CertificateCheckQuery = z.infer<typeof certificateCheckQuerySchema>
