import { TownshipGrievancePage } from '@/features/grievances/TownshipGrievancePage'

export default TownshipGrievancePage
