import { TownshipReviewsPage } from '@/features/cadre-reviews/TownshipReviewsPage'

export default TownshipReviewsPage
