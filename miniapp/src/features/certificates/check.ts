// 证明查验 as its page shows it; apart from certificate.ts so the check page (main package) loads only this.
import { certificateCheckVerdict, readCertificateCheckQuery } from '@xiangli/shared'

/** `n` and `c` from the check page's link, or null to show the form. */
export function checkParams(params: Record<string, string | undefined>): { n: string; c: string } | null {
  const decode = (v: string | undefined) => {
    try {
      return v === undefined ? undefined : decodeURIComponent(v)
    } catch {
      return v
    }
  }
  const read = readCertificateCheckQuery({ n: decode(params.n), c: decode(params.c) })
  return read.ok ? read.query : null
}

/** What the check page says for each answer (the same words as the server's plain check page). */
export const checkVerdict = certificateCheckVerdict
