import { Module } from '@nestjs/common'
import { PublicPagesController } from './http/public-pages.controller'
import { PublicPages } from './use-cases/public-pages'

/**
 * The public pages as plain server-rendered HTML (a notice, a village's 公开栏, the certificate
 * check): what a weak signal and WeChat's browser open at once. No queries of its own: it reads
 * through NoticesService, CertificatesService and OrgsService.
 */
@Module({
  controllers: [PublicPagesController],
  providers: [PublicPages],
})
export class PublicPagesModule {}
