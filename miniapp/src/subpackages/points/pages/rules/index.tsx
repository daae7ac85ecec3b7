import { PointsRulesPage } from '@/features/points/PointsRulesPage'

export default PointsRulesPage
