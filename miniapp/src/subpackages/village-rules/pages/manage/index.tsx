import { RulesManagePage } from '@/features/village-rules/RulesManagePage'

export default RulesManagePage
