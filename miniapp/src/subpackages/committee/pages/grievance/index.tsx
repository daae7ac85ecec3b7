import { CommitteeGrievancePage } from '@/features/grievances/CommitteeGrievancePage'

export default CommitteeGrievancePage
