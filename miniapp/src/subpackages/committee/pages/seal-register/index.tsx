import { SealRegisterPage } from '@/features/certificates/SealRegisterPage'

export default SealRegisterPage
