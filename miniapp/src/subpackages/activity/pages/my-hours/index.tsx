import { MyHoursPage } from '@/features/activities/MyHoursPage'

export default MyHoursPage
