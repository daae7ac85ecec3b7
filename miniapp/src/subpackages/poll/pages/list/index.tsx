import { PollListPage } from '@/features/polls/PollListPage'

export default function ResidentPolls() {
  return <PollListPage />
}
