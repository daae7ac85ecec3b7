import { OpinionsPage } from '@/features/deliberations/OpinionsPage'

export default OpinionsPage
