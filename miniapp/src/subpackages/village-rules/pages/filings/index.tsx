import { TownshipFilingsPage } from '@/features/village-rules/TownshipFilingsPage'

export default TownshipFilingsPage
