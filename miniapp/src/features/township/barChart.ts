/** One bar: its label, its value and how it is written beside the bar. */
export interface Bar {
  label: string
  value: number
  text: string
  /** drawn in the warning colour (overdue, ignored, not published) */
  alert?: boolean
}

/**
 * Each bar's length as a percentage of the longest (or of `max` when the scale is fixed, as a
 * 1–5 rating is); a value above 0 is never drawn shorter than 2 %, so it does not look like nothing.
 */
export function barPercents(bars: readonly Bar[], max?: number): number[] {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value))
  return bars.map((b) => {
    if (top <= 0 || b.value <= 0) return 0
    return Math.max(2, Math.min(100, Math.round((b.value / top) * 100)))
  })
}
