/**
 * Photos chosen for something being written (an issue, a reply, a notice, a certificate request):
 * they go up one by one as soon as they are chosen, and the draft remembers which are up, so only the
 * rest are sent again.
 */
import { MAX_GRIEVANCE_PHOTOS } from '@xiangli/shared'

export type PhotoStatus = 'pending' | 'uploading' | 'done' | 'failed'

export interface DraftPhoto {
  /** stays the same through retries; it is also the photo's Idempotency-Key */
  key: string
  /** the file on the phone: a temp file on weapp, a blob: URL in a browser */
  localPath: string
  status: PhotoStatus
  /** 0–100 while uploading */
  progress: number
  fileId: number | null
  /** the signed link the server returned, to show the photo when the local file is gone */
  url: string | null
  error: string | null
}

/** Adds chosen photos up to the limit; says how many did not fit. */
export function addPhotos(
  photos: readonly DraftPhoto[],
  paths: readonly string[],
  newKey: () => string,
  max: number = MAX_GRIEVANCE_PHOTOS,
): { photos: DraftPhoto[]; skipped: number } {
  const room = Math.max(0, max - photos.length)
  const added = paths.slice(0, room).map((localPath): DraftPhoto => ({
    key: newKey(),
    localPath,
    status: 'pending',
    progress: 0,
    fileId: null,
    url: null,
    error: null,
  }))
  return { photos: [...photos, ...added], skipped: paths.length - added.length }
}

export const patchPhoto = (
  photos: readonly DraftPhoto[],
  key: string,
  change: Partial<Omit<DraftPhoto, 'key'>>,
): DraftPhoto[] => photos.map((p) => (p.key === key ? { ...p, ...change } : p))

export const removePhoto = (photos: readonly DraftPhoto[], key: string): DraftPhoto[] =>
  photos.filter((p) => p.key !== key)

/** The next photo to send, one at a time: none while one is on its way. */
export function nextToUpload(photos: readonly DraftPhoto[]): DraftPhoto | null {
  if (photos.some((p) => p.status === 'uploading')) return null
  return photos.find((p) => p.status === 'pending') ?? null
}

/** Why the photos cannot be sent with the issue yet; null when they all are up. */
export function photoProblem(photos: readonly DraftPhoto[]): string | null {
  const failed = photos.filter((p) => p.status === 'failed').length
  if (failed > 0) return `有 ${failed} 张照片没传上去，请点照片重试，或者删掉它`
  if (photos.some((p) => p.status !== 'done')) return '照片还在上传，请稍等'
  return null
}

export const uploadedIds = (photos: readonly DraftPhoto[]): number[] =>
  photos.flatMap((p) => (p.status === 'done' && p.fileId !== null ? [p.fileId] : []))

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/** A photo read back from storage, checked field by field; null when it is not one. */
export function restorePhoto(raw: unknown): DraftPhoto | null {
  if (!isRecord(raw) || typeof raw.key !== 'string' || typeof raw.localPath !== 'string') return null
  const fileId = num(raw.fileId) ?? null
  const status: PhotoStatus =
    raw.status === 'done' && fileId !== null ? 'done' : raw.status === 'failed' ? 'failed' : 'pending'
  return {
    key: raw.key,
    localPath: raw.localPath,
    // a photo that was on its way when the app closed goes again, with the same key
    status,
    progress: status === 'done' ? 100 : 0,
    fileId: status === 'done' ? fileId : null,
    url: typeof raw.url === 'string' ? raw.url : null,
    error: typeof raw.error === 'string' ? raw.error : null,
  }
}
