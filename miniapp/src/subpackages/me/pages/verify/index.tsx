import { VerifyPage } from '@/features/verification/VerifyPage'

export default VerifyPage
