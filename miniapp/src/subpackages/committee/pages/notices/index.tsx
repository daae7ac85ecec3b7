import { CommitteeNoticesPage } from '@/features/notices/CommitteeNoticesPage'

export default CommitteeNoticesPage
