import { ActivityQrPage } from '@/features/activities/ActivityQrPage'

export default ActivityQrPage
