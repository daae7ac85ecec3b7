import { RolesPage } from '@/features/committee/RolesPage'

export default RolesPage
