import { RulesCurrentPage } from '@/features/village-rules/RulesCurrentPage'

export default RulesCurrentPage
