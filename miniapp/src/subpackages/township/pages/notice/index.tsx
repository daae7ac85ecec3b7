import { TownshipNoticePage } from '@/features/notices/TownshipNoticePage'

export default TownshipNoticePage
