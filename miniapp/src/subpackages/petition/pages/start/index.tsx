import { StartPetitionPage } from '@/features/petitions/StartPetitionPage'

export default StartPetitionPage
