import { TownshipNoticesPage } from '@/features/notices/TownshipNoticesPage'

export default TownshipNoticesPage
