import { PaperSheetPage } from '@/features/petitions/PaperSheetPage'

export default PaperSheetPage
