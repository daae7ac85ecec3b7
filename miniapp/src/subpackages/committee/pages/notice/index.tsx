import { CommitteeNoticePage } from '@/features/notices/CommitteeNoticePage'

export default CommitteeNoticePage
