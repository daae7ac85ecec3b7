import { CertificateDetailPage } from '@/features/certificates/CertificateDetailPage'

export default CertificateDetailPage
