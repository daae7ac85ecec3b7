import { RosterPage } from '@/features/roster/RosterPage'

export default RosterPage
