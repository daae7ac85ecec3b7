import { PointsRankingPage } from '@/features/points/PointsRankingPage'

export default PointsRankingPage
