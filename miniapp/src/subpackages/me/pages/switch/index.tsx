import { SwitchPage } from '@/features/roster/SwitchPage'

export default SwitchPage
