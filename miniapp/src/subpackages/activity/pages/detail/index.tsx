import { ActivityDetailPage } from '@/features/activities/ActivityDetailPage'

export default ActivityDetailPage
