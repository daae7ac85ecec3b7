import { VillageHoursPage } from '@/features/activities/VillageHoursPage'

export default VillageHoursPage
