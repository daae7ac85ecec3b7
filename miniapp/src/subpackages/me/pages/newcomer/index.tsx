import { ApplyPage } from '@/features/newcomers/ApplyPage'

export default ApplyPage
