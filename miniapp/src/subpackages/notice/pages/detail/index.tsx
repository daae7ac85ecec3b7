import { NoticeDetailPage } from '@/features/notices/NoticeDetailPage'

export default NoticeDetailPage
