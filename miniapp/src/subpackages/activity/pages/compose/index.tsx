import { ActivityComposePage } from '@/features/activities/ActivityComposePage'

export default ActivityComposePage
