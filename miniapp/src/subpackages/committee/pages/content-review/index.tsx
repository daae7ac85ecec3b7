import { ContentReviewPage } from '@/features/content-check/ContentReviewPage'

export default ContentReviewPage
