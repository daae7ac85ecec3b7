import { PointsHomePage } from '@/features/points/PointsHomePage'

export default PointsHomePage
