import { PollListPage } from '@/features/polls/PollListPage'

export default function CommitteePolls() {
  return <PollListPage committee />
}
