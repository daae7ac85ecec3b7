import { ReviewListPage } from '@/features/cadre-reviews/ReviewListPage'

export default ReviewListPage
