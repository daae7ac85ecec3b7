import { CertificateCheckPage } from '@/features/certificates/CertificateCheckPage'

export default CertificateCheckPage
