import { CertificatesPersonalData } from './certificates-personal-data.repository'
import { Global, Module } from '@nestjs/common'
import { CertificatePdf } from './certificate-pdf'
import { CertificatePdfStore } from './certificate-pdf-store'
import { CertificatesRepository } from './certificates.repository'
import { CertificatesService } from './certificates.service'
import { CatalogueAdminController } from './http/catalogue-admin.controller'
import { CertificatesController } from './http/certificates.controller'
import { PublicCertificatesController } from './http/public-certificates.controller'
import { TownshipCertificatesController } from './http/township-certificates.controller'
import { ApplicantPhoneSealing } from './use-cases/applicant-phone-sealing'
import { CertificateApproval } from './use-cases/approval'
import { CertificateCatalogue } from './use-cases/catalogue'
import { DemoCertificates } from './use-cases/demo-certificates'
import { CertificateIssuing } from './use-cases/issuing'
import { PublicCheck } from './use-cases/public-check'
import { CertificateReads } from './use-cases/request-reads'
import { RequestSteps } from './use-cases/request-steps'
import { ResidentRequests } from './use-cases/resident-requests'
import { CertificateRevocation } from './use-cases/revocation'
import { SealRegister } from './use-cases/seal-register'
import { TownshipCertificateStats } from './use-cases/township-stats'

/** Global so the demo seeder can issue its certificates through CertificatesService. */
@Global()
@Module({
  controllers: [
    CertificatesController,
    CatalogueAdminController,
    PublicCertificatesController,
    TownshipCertificatesController,
  ],
  providers: [
    CertificatesRepository,
    CertificatePdf,
    CertificatePdfStore,
    RequestSteps,
    CertificateReads,
    CertificateCatalogue,
    ResidentRequests,
    CertificateIssuing,
    CertificateApproval,
    CertificateRevocation,
    PublicCheck,
    SealRegister,
    TownshipCertificateStats,
    DemoCertificates,
    CertificatesService,
    ApplicantPhoneSealing,
    CertificatesPersonalData,
  ],
  exports: [CertificatesService, CertificatesPersonalData],
})
export class CertificatesModule {}
