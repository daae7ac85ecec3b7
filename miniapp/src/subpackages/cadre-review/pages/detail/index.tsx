import { ReviewDetailPage } from '@/features/cadre-reviews/ReviewDetailPage'

export default ReviewDetailPage
