import { MyServicesPage } from '@/features/services/MyServicesPage'

export default function MyServices() {
  return <MyServicesPage />
}
