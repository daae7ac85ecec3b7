import { PollDetailPage } from '@/features/polls/PollDetailPage'

export default PollDetailPage
