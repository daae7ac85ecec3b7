import { ScheduleMeetingPage } from '@/features/deliberations/ScheduleMeetingPage'

export default ScheduleMeetingPage
