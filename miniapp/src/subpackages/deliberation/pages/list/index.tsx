import { DeliberationListPage } from '@/features/deliberations/DeliberationListPage'

export default DeliberationListPage
