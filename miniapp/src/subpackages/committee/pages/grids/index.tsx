import { GridsPage } from '@/features/grids/GridsPage'

export default GridsPage
