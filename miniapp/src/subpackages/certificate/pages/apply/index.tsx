import { ApplyPage } from '@/features/certificates/ApplyPage'

export default ApplyPage
