import { Module } from '@nestjs/common'
import { CertificatePdf } from './certificate-pdf'
import {
  CertificatesController,
  PublicCertificatesController,
  TownshipCertificatesController,
} from './certificates.controller'
import { CertificatesService } from './certificates.service'

@Module({
  controllers: [CertificatesController, PublicCertificatesController, TownshipCertificatesController],
  providers: [CertificatesService, CertificatePdf],
  exports: [CertificatesService],
})
export class CertificatesModule {}
