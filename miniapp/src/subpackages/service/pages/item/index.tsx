import { ServiceItemPage } from '@/features/services/ServiceItemPage'

export default function ServiceItem() {
  return <ServiceItemPage />
}
