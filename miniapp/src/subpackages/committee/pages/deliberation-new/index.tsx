import { DeliberationNewPage } from '@/features/deliberations/DeliberationNewPage'

export default DeliberationNewPage
