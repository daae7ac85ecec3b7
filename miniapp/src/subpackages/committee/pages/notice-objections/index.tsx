import { ObjectionQueuePage } from '@/features/notices/ObjectionQueuePage'

export default ObjectionQueuePage
