import { DeliberationPublishPage } from '@/features/deliberations/DeliberationPublishPage'

export default DeliberationPublishPage
