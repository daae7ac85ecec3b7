import { ServiceQueuePage } from '@/features/services/ServiceQueuePage'

export default function ServiceQueue() {
  return <ServiceQueuePage />
}
