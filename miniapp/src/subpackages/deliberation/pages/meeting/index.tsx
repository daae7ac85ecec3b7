import { MeetingPage } from '@/features/deliberations/MeetingPage'

export default MeetingPage
