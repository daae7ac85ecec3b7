import { CataloguePage } from '@/features/certificates/CataloguePage'

export default CataloguePage
