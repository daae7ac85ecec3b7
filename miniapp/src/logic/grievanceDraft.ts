/**
 * The issue a resident is writing, kept on the phone until it is sent: a lost connection or a closed
 * app must not lose what an older person took ten minutes to type. Photos go up one by one as soon as
 * they are chosen; the draft remembers which are up, so only the rest are sent again.
 */
import {
  MAX_GRIEVANCE_PHOTOS,
  GRIEVANCE_VISIBILITIES,
  grievanceCreateSchema,
  type GrievanceCreateRequest,
  type GrievanceVisibility,
} from '@xiangli/shared'

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

export interface DraftLocation {
  /** a place picked on the map (weapp); absent when the address was typed */
  lat?: number
  lng?: number
  address: string
}

export interface GrievanceDraft {
  /** one Idempotency-Key per draft: sending it again after a lost connection still makes one issue */
  key: string
  category: string
  title: string
  text: string
  location: DraftLocation
  visibility: GrievanceVisibility
  photos: DraftPhoto[]
}

export const draftStorageKey = (accountId: number, villageId: number): string =>
  `xl.grievanceDraft.${accountId}.${villageId}`

export function newDraft(newKey: () => string): GrievanceDraft {
  return {
    key: newKey(),
    category: '',
    title: '',
    text: '',
    location: { address: '' },
    visibility: 'public',
    photos: [],
  }
}

/** Nothing typed or chosen yet: not worth keeping or mentioning. */
export const isBlankDraft = (d: GrievanceDraft): boolean =>
  !d.category &&
  !d.title.trim() &&
  !d.text.trim() &&
  !d.location.address.trim() &&
  d.location.lat === undefined &&
  d.photos.length === 0

// ---------- photos ----------

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

// ---------- keeping it on the phone ----------

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

function restorePhoto(raw: unknown): DraftPhoto | null {
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

/**
 * A draft read back from storage, checked field by field (it may come from an older version of the
 * app). In a browser, a photo not yet sent is lost with the page (its blob: link dies): it is dropped
 * and counted, so the page can ask for it again.
 */
export function restoreDraft(
  raw: unknown,
  opts: { browser: boolean; newKey: () => string },
): { draft: GrievanceDraft; lostPhotos: number } | null {
  if (!isRecord(raw)) return null
  const location = isRecord(raw.location) ? raw.location : {}
  const lat = num(location.lat)
  const lng = num(location.lng)
  const photos = (Array.isArray(raw.photos) ? raw.photos : [])
    .map(restorePhoto)
    .filter((p): p is DraftPhoto => p !== null)
    .slice(0, MAX_GRIEVANCE_PHOTOS)
  const kept = opts.browser
    ? photos.filter((p) => p.status === 'done' || !p.localPath.startsWith('blob:'))
    : photos
  const draft: GrievanceDraft = {
    key: typeof raw.key === 'string' && raw.key ? raw.key : opts.newKey(),
    category: str(raw.category),
    title: str(raw.title),
    text: str(raw.text),
    location: {
      ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}),
      address: str(location.address),
    },
    visibility: GRIEVANCE_VISIBILITIES.includes(raw.visibility as GrievanceVisibility)
      ? (raw.visibility as GrievanceVisibility)
      : 'public',
    photos: kept,
  }
  return { draft, lostPhotos: photos.length - kept.length }
}

// ---------- sending it ----------

export type DraftField = 'category' | 'title' | 'text' | 'photos' | 'location'
export type DraftErrors = Partial<Record<DraftField, string>>

const FIELD_OF: Record<string, DraftField | undefined> = {
  category: 'category',
  title: 'title',
  text: 'text',
  photoIds: 'photos',
  location: 'location',
}

export function toCreateRequest(d: GrievanceDraft): GrievanceCreateRequest {
  const address = d.location.address.trim()
  const point = d.location.lat !== undefined && d.location.lng !== undefined
  return {
    category: d.category,
    title: d.title.trim(),
    text: d.text.trim(),
    photoIds: uploadedIds(d.photos),
    visibility: d.visibility,
    ...(point
      ? { location: { lat: d.location.lat, lng: d.location.lng, ...(address ? { address } : {}) } }
      : address
        ? { location: { address } }
        : {}),
  }
}

/** Checks the draft with the shared schema and the village's categories; says what to fix next to each part. */
export function validateDraft(
  d: GrievanceDraft,
  categories: readonly string[],
): { ok: true; value: GrievanceCreateRequest } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {}
  if (!d.category || (categories.length > 0 && !categories.includes(d.category)))
    errors.category = '请选择分类'
  const problem = photoProblem(d.photos)
  if (problem) errors.photos = problem
  const value = toCreateRequest(d)
  const parsed = grievanceCreateSchema.safeParse(value)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])]
      if (field && !errors[field]) errors[field] = issue.message
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value }
}
