import { TownshipDashboardPage } from '@/features/township/TownshipDashboardPage'

export default TownshipDashboardPage
