import { ObjectPage } from '@/features/notices/ObjectPage'

export default ObjectPage
