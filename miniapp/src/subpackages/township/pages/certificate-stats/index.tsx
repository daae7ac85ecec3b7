import { TownshipCertificateStatsPage } from '@/features/certificates/TownshipCertificateStatsPage'

export default TownshipCertificateStatsPage
