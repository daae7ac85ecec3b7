import { RulesComposePage } from '@/features/village-rules/RulesComposePage'

export default RulesComposePage
