import { ServicesPage } from '@/features/home/ServicesPage'

export default ServicesPage
