// Moved to @/features/grievances/ComposeForm. This path stays only while the 议事 and 联名提议 pages (moving into
// src/features/deliberations and src/features/petitions) still import it; delete it when they do.
export { ComposeForm } from '@/features/grievances/ComposeForm'
