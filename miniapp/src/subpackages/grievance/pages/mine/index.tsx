import { MyGrievancesPage } from '@/features/grievances/MyGrievancesPage'

export default MyGrievancesPage
