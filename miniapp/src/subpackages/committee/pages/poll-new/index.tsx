import { PollNewPage } from '@/features/polls/PollNewPage'

export default PollNewPage
