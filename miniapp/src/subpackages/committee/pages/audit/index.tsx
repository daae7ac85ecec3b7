import { AuditPage } from '@/features/committee/AuditPage'

export default AuditPage
