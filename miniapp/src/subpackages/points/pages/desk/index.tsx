import { PointsDeskPage } from '@/features/points/PointsDeskPage'

export default PointsDeskPage
