import { MyGroupPage } from '@/features/grids/MyGroupPage'

export default MyGroupPage
