/** One bar: its label, its value and how it is written beside the bar. */
export interface Bar {
  label: string
  value: number
  text: string
  /** drawn in the warning colour (overdue, ignored, not published) */
  alert?: boolean
}
