import { OpinionPage } from '@/features/deliberations/OpinionPage'

export default OpinionPage
