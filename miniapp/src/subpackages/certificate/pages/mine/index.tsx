import { MyCertificatesPage } from '@/features/certificates/MyCertificatesPage'

export default MyCertificatesPage
