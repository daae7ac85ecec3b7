import { FrontlineIssuesPage, GROUP_ISSUES } from '@/features/grids/FrontlineIssuesPage'

export default function GroupIssuesPage() {
  return <FrontlineIssuesPage list={GROUP_ISSUES} />
}
