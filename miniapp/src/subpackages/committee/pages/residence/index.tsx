import { ResidencePage } from '@/features/newcomers/ResidencePage'

export default ResidencePage
