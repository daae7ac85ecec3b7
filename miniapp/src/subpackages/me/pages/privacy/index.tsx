import { PrivacyPage } from '@/features/privacy/PrivacyPage'

export default PrivacyPage
