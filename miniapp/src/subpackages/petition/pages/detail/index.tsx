import { PetitionDetailPage } from '@/features/petitions/PetitionDetailPage'

export default PetitionDetailPage
