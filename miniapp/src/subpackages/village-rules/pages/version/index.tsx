import { RulesVersionPage } from '@/features/village-rules/RulesVersionPage'

export default RulesVersionPage
