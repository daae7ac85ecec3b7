import { ServiceCataloguePage } from '@/features/services/ServiceCataloguePage'

export default function ServiceCatalogue() {
  return <ServiceCataloguePage />
}
