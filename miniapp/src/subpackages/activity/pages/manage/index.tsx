import { ActivityManagePage } from '@/features/activities/ActivityManagePage'

export default ActivityManagePage
