/**
 * What a page opened from a link needs: the ids in its query string, which of the person's villages
 * or townships the item belongs to, and whole URLs for files the API names by path.
 */
import { GENERIC_ERRORS } from '@xiangli/shared'

/** Photo links from the API are paths on the API's origin; `<Image>` on weapp needs the whole URL. */
export function fileLink(url: string, apiBase: string): string {
  return /^https?:\/\//.test(url) || url.startsWith('blob:') ? url : `${apiBase.replace(/\/$/, '')}${url}`
}

/**
 * The thumbnail of a photo link from the API (a WebP 320 pixels wide, `?size=thumb`), for grids and
 * lists; the signed link's proof stays as it is. A local picture (`blob:`, a temp path) is itself.
 */
export function thumbLink(url: string): string {
  if (!/^(https?:\/\/[^/]+)?\/api\/files\/\d+/.test(url)) return url
  return `${url}${url.includes('?') ? '&' : '?'}size=thumb`
}

// ---------- which village or township a linked page is about ----------

/**
 * The orgs to try, in order, for a page opened from a link: the one the link names, then the active
 * one, then the person's other orgs of the right kind. Notification links name only the item.
 */
export function orgCandidates(
  fromLink: number | null,
  active: number | null,
  others: readonly number[],
): number[] {
  const all = [fromLink, active, ...others].filter((id): id is number => id !== null && id > 0)
  return [...new Set(all)]
}

/** A positive integer from a page's query string, or null. */
export function idParam(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null
  return Number(value)
}

/** Answers that mean "not here": the item belongs to another of the person's villages. */
const MISSES = new Set(['NOT_FOUND', 'OUT_OF_SCOPE', 'FORBIDDEN', 'ORG_NOT_FOUND', 'ORG_NOT_A_VILLAGE'])

/**
 * Loads an item from the first org that has it, trying them in order; any other failure (no
 * network, say) stops at once. With no org left, the last "not here" is the answer.
 */
export async function firstFound<T>(
  orgs: readonly number[],
  load: (orgId: number) => Promise<T>,
): Promise<{ orgId: number; value: T }> {
  let miss: unknown = null
  for (const orgId of orgs) {
    try {
      return { orgId, value: await load(orgId) }
    } catch (e) {
      const code = (e as { code?: unknown }).code
      if (typeof code !== 'string' || !MISSES.has(code)) throw e
      miss = e
    }
  }
  throw miss ?? Object.assign(new Error(GENERIC_ERRORS.NOT_FOUND.message), { code: 'NOT_FOUND' })
}
