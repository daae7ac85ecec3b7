// Moved to @/platform/pickFile. This path stays only while the 议事 and 联名提议 pages (moving into
// src/features/deliberations and src/features/petitions) still import it; delete it when they do.
export { pickDocument, releasePickedFile as releaseDocument } from '@/platform/pickFile'
