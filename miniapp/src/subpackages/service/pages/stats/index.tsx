import { ServiceStatsPage } from '@/features/services/ServiceStatsPage'

export default function ServiceStats() {
  return <ServiceStatsPage />
}
