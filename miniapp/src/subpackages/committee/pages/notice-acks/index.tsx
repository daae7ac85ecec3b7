import { NoticeAcksPage } from '@/features/notices/NoticeAcksPage'

export default NoticeAcksPage
