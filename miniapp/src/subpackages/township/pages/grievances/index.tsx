import { TownshipGrievancesPage } from '@/features/grievances/TownshipGrievancesPage'

export default TownshipGrievancesPage
