import { CatalogueEditPage } from '@/features/services/CatalogueEditPage'

export default function ServiceCatalogueEdit() {
  return <CatalogueEditPage />
}
