import { CheckInPage } from '@/features/activities/CheckInPage'

export default CheckInPage
