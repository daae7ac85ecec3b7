import { MinePage } from '@/features/me/MinePage'

export default MinePage
