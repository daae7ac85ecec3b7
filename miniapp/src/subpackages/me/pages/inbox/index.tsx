import { InboxPage } from '@/features/inbox/InboxPage'

export default InboxPage
