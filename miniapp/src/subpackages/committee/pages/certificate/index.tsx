import { CommitteeCertificatePage } from '@/features/certificates/CommitteeCertificatePage'

export default CommitteeCertificatePage
