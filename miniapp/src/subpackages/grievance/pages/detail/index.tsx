import { GrievanceDetailPage } from '@/features/grievances/GrievanceDetailPage'

export default GrievanceDetailPage
