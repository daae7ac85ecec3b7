import { MyGridPage } from '@/features/grids/MyGridPage'

export default MyGridPage
