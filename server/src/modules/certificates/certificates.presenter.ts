import {
  CERTIFICATE_REQUEST_STATE_LABELS,
  certificateRoutes,
  formatVerificationCode,
  isCertificateRequestOverdue,
  negativeListView,
  pathOf,
  proxyLineOf,
  type CatalogueHit,
  type CatalogueItemView,
  type CatalogueSearchHit,
  type CatalogueView,
  type CertificateFieldValues,
  type CertificateRequestView,
  type CertificateStats,
  type EffectiveCatalogue,
  type PositiveItem,
  type SealUseEntry,
} from '@xiangli/shared'
import type { CertificateRequest } from './entities/certificate-request.entity'
import type { SealUseRecord } from './entities/seal-use-record.entity'

export const presentItem = (i: PositiveItem): CatalogueItemView => ({
  code: i.code,
  name: i.name,
  aliases: [...i.aliases],
  legalBasis: i.legalBasis,
  purpose: i.purpose,
  materials: [...i.materials],
  fields: i.fields,
  timeLimitDays: i.timeLimitDays,
  commitment: i.commitment,
})

export const presentCatalogue = (c: EffectiveCatalogue): CatalogueView => ({
  positive: c.positive.map(presentItem),
  negative: c.negative.map(negativeListView),
  notes: c.notes,
})

export const presentHit = (h: CatalogueHit): CatalogueSearchHit =>
  h.kind === 'positive'
    ? { kind: 'positive', matched: h.matched, item: presentItem(h.item) }
    : { kind: 'negative', matched: h.matched, answer: h.answer }

/** What a request's view needs besides the row. */
export interface RequestContext {
  /** the field values, decrypted */
  fields: CertificateFieldValues
  /** a signed link to a stored file */
  urlOf: (fileId: number) => string
  /** the public check page the QR code opens */
  verificationUrl: (number: string, code: string) => string
  now: Date
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null)

export function presentRequest(r: CertificateRequest, c: RequestContext): CertificateRequestView {
  const issued = r.number !== null && r.verificationCode !== null
  return {
    id: r.id,
    villageId: r.villageId,
    itemCode: r.itemCode,
    itemName: r.itemName,
    purpose: r.purpose,
    fields: c.fields,
    materials: r.materialIds.map((id) => ({ id, url: c.urlOf(id) })),
    copies: r.copies,
    state: r.state,
    stateLabel: CERTIFICATE_REQUEST_STATE_LABELS[r.state],
    dueAt: iso(r.dueAt),
    overdue: isCertificateRequestOverdue(r, c.now),
    infoRequest: r.infoRequest,
    refuseReason: r.refuseReason,
    decidedByName: r.decidedByName,
    decidedAt: iso(r.decidedAt),
    number: r.number,
    verificationCode: issued ? formatVerificationCode(r.verificationCode!) : null,
    verificationUrl: issued ? c.verificationUrl(r.number!, r.verificationCode!) : null,
    issuedAt: iso(r.issuedAt),
    revokedAt: iso(r.revokedAt),
    revokeReason: r.revokeReason,
    applicantName: r.applicantName,
    applicantAccountId: r.applicantAccountId,
    proxy: proxyLineOf(r.proxy),
    createdAt: iso(r.createdAt)!,
    pdfPath: issued ? pathOf(certificateRoutes.pdf, { villageId: r.villageId, id: r.id }) : null,
  }
}

export const presentSealLine = (s: SealUseRecord): SealUseEntry => ({
  at: new Date(s.at).toISOString(),
  certificateNumber: s.certificateNumber,
  itemCode: s.itemCode,
  itemName: s.itemName,
  copies: s.copies,
  approverName: s.approverName,
  handlerName: s.handlerName,
  applicantName: s.applicantName,
  applicantPhoneMasked: s.applicantPhoneMasked,
})

type Tally = { itemCode: string; itemName: string; issued: number; revoked: number }
/** One village's tally of one item, as counted by the repository. */
type VillageTally = Tally & { villageId: number }

/** The township's counts: per village (each with its items) and per item over all its villages. */
export function presentStats(
  townshipId: number,
  year: number,
  villages: { id: number; name: string }[],
  counted: VillageTally[],
): CertificateStats {
  const items = new Map<string, Tally>()
  for (const c of counted) {
    const i = items.get(c.itemCode) ?? { itemCode: c.itemCode, itemName: c.itemName, issued: 0, revoked: 0 }
    i.issued += c.issued
    i.revoked += c.revoked
    items.set(c.itemCode, i)
  }
  return {
    townshipId,
    year,
    villages: villages.map((v) => {
      const mine = counted.filter((c) => c.villageId === v.id)
      return {
        villageId: v.id,
        villageName: v.name,
        issued: mine.reduce((s, c) => s + c.issued, 0),
        revoked: mine.reduce((s, c) => s + c.revoked, 0),
        items: mine.map(({ itemCode, itemName, issued, revoked }) => ({
          itemCode,
          itemName,
          issued,
          revoked,
        })),
      }
    }),
    items: [...items.values()],
  }
}
