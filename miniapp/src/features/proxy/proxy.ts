/**
 * 代办 on the phone: who the form is filled for (from the page's query), and the consent step's
 * draft turned into what the server checks. The rule itself is shared (`checkConsent`).
 */
import { checkConsent, PROXY_ERRORS, type Consent, type NoticeSummary, type OnBehalf } from '@xiangli/shared'
import type { DraftPhoto } from '@/logic/photoDraft'

/** The resident a form is filled for: `for` and `forName` in the page's query. */
export interface ProxyFor {
  residentId: number
  name: string
}

export function proxyFor(params: Record<string, string | undefined>): ProxyFor | null {
  const id = Number(params.for)
  if (!Number.isInteger(id) || id <= 0) return null
  const name = decodeURIComponent(params.forName ?? '').trim()
  return { residentId: id, name: name || '该村民' }
}

/** The query that opens a form for a resident. */
export const forQuery = (p: ProxyFor): Record<string, string | number> => ({
  for: p.residentId,
  forName: p.name,
})

export type ConsentDraft =
  { kind: 'on_device'; typedName: string; agreed: boolean } | { kind: 'paper'; photos: DraftPhoto[] }

export const newConsent = (): ConsentDraft => ({ kind: 'on_device', typedName: '', agreed: false })

/** What is sent, or why not yet, in the words the server would use. */
export function consentBody(
  d: ConsentDraft,
  residentName: string,
): { ok: true; consent: Consent } | { ok: false; problem: string } {
  if (d.kind === 'paper') {
    const photo = d.photos.find((p) => p.fileId !== null)
    if (!photo) return { ok: false, problem: '请拍下本人签字的授权书，等照片传完再提交' }
    return { ok: true, consent: { kind: 'paper', photoId: photo.fileId! } }
  }
  const consent: Consent = { kind: 'on_device', typedName: d.typedName.trim(), agreed: d.agreed }
  const checked = checkConsent(consent, residentName)
  return checked.ok ? { ok: true, consent } : { ok: false, problem: PROXY_ERRORS[checked.code].message }
}

/** The body's `onBehalf` for a form filled for someone. */
export function onBehalf(
  p: ProxyFor,
  d: ConsentDraft,
): { ok: true; value: OnBehalf } | { ok: false; problem: string } {
  const c = consentBody(d, p.name)
  return c.ok ? { ok: true, value: { residentId: p.residentId, consent: c.consent } } : c
}

/**
 * The notices one may object to today, for the 代办 page: published, with a publicity period that has
 * begun and not ended (the day in Beijing, as the server counts it). The server decides in the end.
 */
export function objectableNotices<T extends Pick<NoticeSummary, 'state' | 'periodStart' | 'periodEnd'>>(
  items: readonly T[],
  today: string,
): T[] {
  return items.filter(
    (n) =>
      n.state === 'published' &&
      n.periodStart !== null &&
      n.periodEnd !== null &&
      n.periodStart <= today &&
      today <= n.periodEnd,
  )
}
