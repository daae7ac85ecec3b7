import { ProxyPage } from '@/features/proxy/ProxyPage'

export default ProxyPage
