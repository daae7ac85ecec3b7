/**
 * 证明查验: the public check the QR code on a certificate opens. Apart from the other certificate
 * routes so the check page, which sits in the miniapp's main package, loads only this.
 */
import { certificateCheckQuerySchema, type PublicCertificateCheck } from '../certificates/verification-code'
import { access, route } from './route'

export const certificateCheckRoutes = {
  verify: route<PublicCertificateCheck>()({
    method: 'GET',
    path: '/api/certificates/verify',
    access: access.public(),
    query: certificateCheckQuerySchema,
    summary: '凭证明编号和查验码核验真伪（扫码打开，无需登录）',
  }),
} as const
