// Moved to @/logic/photoDraft. This path stays only while the 议事 and 联名提议 pages (moving into
// src/features/deliberations and src/features/petitions) still import it; delete it when they do.
export { uploadedIds, type DraftPhoto } from '@/logic/photoDraft'
