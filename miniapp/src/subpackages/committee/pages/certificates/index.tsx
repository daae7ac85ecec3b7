import { CertificateQueuePage } from '@/features/certificates/CertificateQueuePage'

export default CertificateQueuePage
