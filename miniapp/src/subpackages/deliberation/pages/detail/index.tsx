import { DeliberationDetailPage } from '@/features/deliberations/DeliberationDetailPage'

export default DeliberationDetailPage
