import { CollectPage } from '@/features/grids/CollectPage'

export default CollectPage
