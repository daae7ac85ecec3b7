import { CatalogueOverride } from './catalogue-override.entity'
import { CertificateCounter } from './certificate-counter.entity'
import { CertificateRequest } from './certificate-request.entity'
import { SealUseRecord } from './seal-use-record.entity'

/** The tables of 出具证明; the data source gathers every module's list (src/entities.ts). */
export const CERTIFICATES_ENTITIES = [
  CatalogueOverride,
  CertificateCounter,
  CertificateRequest,
  SealUseRecord,
]
