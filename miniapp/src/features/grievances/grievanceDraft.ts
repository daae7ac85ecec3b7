/**
 * The issue a resident is writing, kept on the phone until it is sent: a lost connection or a closed
 * app must not lose what an older person took ten minutes to type. Its photos are drafts too
 * (photoDraft.ts).
 */
import {
  MAX_GRIEVANCE_PHOTOS,
  GRIEVANCE_VISIBILITIES,
  grievanceCreateSchema,
  type GrievanceCreateRequest,
  type GrievanceVisibility,
} from '@xiangli/shared'
import { photoProblem, restorePhoto, uploadedIds, type DraftPhoto } from '@/logic/photoDraft'

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

// ---------- keeping it on the phone ----------

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

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
