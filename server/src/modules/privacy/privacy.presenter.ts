import {
  consentNeeded,
  currentConsentVersion,
  type PrivacyConsentKind,
  type ConsentState,
  type DataDeletionView,
  type PrivacyStatus,
} from '@xiangli/shared'
import type { DataDeletionRequest } from './entities/data-deletion-request.entity'
import type { PrivacyConsent } from './entities/privacy-consent.entity'

function stateOf(kind: PrivacyConsentKind, latest: PrivacyConsent | undefined): ConsentState {
  const accepted = latest?.version ?? null
  return {
    current: currentConsentVersion(kind),
    accepted,
    acceptedAt: latest ? latest.acceptedAt.toISOString() : null,
    needed: consentNeeded(kind, accepted),
  }
}

/** The newest consent of each kind → what the app asks again. */
export function presentStatus(latest: PrivacyConsent[]): PrivacyStatus {
  return {
    guide: stateOf(
      'guide',
      latest.find((c) => c.kind === 'guide'),
    ),
    idNumber: stateOf(
      'id_number',
      latest.find((c) => c.kind === 'id_number'),
    ),
  }
}

export function presentDeletion(r: DataDeletionRequest): DataDeletionView {
  return {
    id: r.id,
    accountId: r.accountId,
    state: r.state,
    requestedAt: r.requestedAt.toISOString(),
    processedAt: r.processedAt ? r.processedAt.toISOString() : null,
    outcome: r.outcome,
  }
}
