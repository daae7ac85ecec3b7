import { ActivityListPage } from '@/features/activities/ActivityListPage'

export default function ResidentActivities() {
  return <ActivityListPage />
}
