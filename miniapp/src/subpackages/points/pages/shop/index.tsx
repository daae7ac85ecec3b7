import { PointsShopPage } from '@/features/points/PointsShopPage'

export default PointsShopPage
