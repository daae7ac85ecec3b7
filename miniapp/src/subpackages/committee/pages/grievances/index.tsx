import { GrievanceQueuePage } from '@/features/grievances/GrievanceQueuePage'

export default GrievanceQueuePage
