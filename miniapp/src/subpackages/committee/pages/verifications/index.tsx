import { VerificationsPage } from '@/features/verification/VerificationsPage'

export default VerificationsPage
