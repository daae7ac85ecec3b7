/** The class on every page's root view; `xl-elder` makes text and touch targets larger. */
export function pageClass(elderMode: boolean, ...extra: Array<string | false | null | undefined>): string {
  return ['xl-page', elderMode ? 'xl-elder' : null, ...extra].filter(Boolean).join(' ')
}
