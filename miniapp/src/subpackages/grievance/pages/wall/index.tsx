import { GrievanceWallPage } from '@/features/grievances/GrievanceWallPage'

export default GrievanceWallPage
