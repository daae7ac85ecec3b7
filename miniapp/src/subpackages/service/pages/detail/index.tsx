import { ServiceDetailPage } from '@/features/services/ServiceDetailPage'

export default function ServiceDetail() {
  return <ServiceDetailPage />
}
