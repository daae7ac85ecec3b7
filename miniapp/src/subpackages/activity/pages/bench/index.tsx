import { ActivityListPage } from '@/features/activities/ActivityListPage'

export default function CommitteeActivities() {
  return <ActivityListPage committee />
}
