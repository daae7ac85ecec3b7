import { PointsManagePage } from '@/features/points/PointsManagePage'

export default PointsManagePage
