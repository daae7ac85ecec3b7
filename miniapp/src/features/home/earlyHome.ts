/**
 * The home's answer asked for by index.html while the app's scripts are still on their way: on a weak
 * signal the scripts take seconds, and the home's own request would only start after them. The page
 * takes the early answer once, if it is for the village it shows and fresh; otherwise (another
 * village, a refused or failed request, a stale answer, the mini program) it asks itself as before.
 */
import type { HomeSummary } from '@xiangli/shared'

export interface EarlyHome {
  villageId: number
  /** when it was asked (Date.now()) */
  at: number
  /** the answer's JSON, or null when the request was refused or failed */
  answer: Promise<HomeSummary | null>
}

/** An early answer older than this is not taken: the page asks afresh. */
export const EARLY_HOME_FRESH_MS = 30_000

const holder = (): { __xlEarlyHome?: EarlyHome } | null =>
  typeof window === 'undefined' ? null : (window as unknown as { __xlEarlyHome?: EarlyHome })

/** The early answer for this village, taken (a later load asks afresh), falling back to `ask`. */
export function takeEarlyHome(
  villageId: number,
  ask: () => Promise<HomeSummary>,
  now: number = Date.now(),
): Promise<HomeSummary> {
  const w = holder()
  const early = w?.__xlEarlyHome
  if (!w || !early) return ask()
  delete w.__xlEarlyHome
  if (early.villageId !== villageId || now - early.at > EARLY_HOME_FRESH_MS) return ask()
  return early.answer.then((answer) => answer ?? ask())
}
