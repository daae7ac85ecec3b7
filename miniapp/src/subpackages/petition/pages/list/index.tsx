import { PetitionListPage } from '@/features/petitions/PetitionListPage'

export default PetitionListPage
