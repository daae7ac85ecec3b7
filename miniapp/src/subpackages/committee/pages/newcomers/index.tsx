import { ApplicationsPage } from '@/features/newcomers/ApplicationsPage'

export default ApplicationsPage
