import { RaisePage } from '@/features/grievances/RaisePage'

export default RaisePage
