import { ASSIGNED, FrontlineIssuesPage } from '@/features/grids/FrontlineIssuesPage'

export default function AssignedPage() {
  return <FrontlineIssuesPage list={ASSIGNED} />
}
