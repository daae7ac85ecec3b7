import { ServiceApplyPage } from '@/features/services/ServiceApplyPage'

export default function ServiceApply() {
  return <ServiceApplyPage />
}
