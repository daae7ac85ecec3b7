import { GroupIssuesPage } from '@/features/grids/GroupIssuesPage'

export default GroupIssuesPage
