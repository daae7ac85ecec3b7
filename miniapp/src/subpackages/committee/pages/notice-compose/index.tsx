import { NoticeComposePage } from '@/features/notices/NoticeComposePage'

export default NoticeComposePage
