import { MyDataPage } from '@/features/privacy/MyDataPage'

export default MyDataPage
