import { PublicPage } from '@/features/notices/PublicPage'

export default PublicPage
