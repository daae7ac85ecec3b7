import { PublicNoticePage } from '@/features/notices/PublicNoticePage'

export default PublicNoticePage
