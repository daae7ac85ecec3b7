import { NoticeCalendarPage } from '@/features/notices/NoticeCalendarPage'

export default NoticeCalendarPage
