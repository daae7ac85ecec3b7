import { MyObjectionsPage } from '@/features/notices/MyObjectionsPage'

export default MyObjectionsPage
