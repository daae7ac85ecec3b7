import { AssignedPage } from '@/features/grids/AssignedPage'

export default AssignedPage
