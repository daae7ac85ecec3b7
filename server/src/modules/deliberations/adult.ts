/**
 * YYYY-MM-DD of the day 18 years before `at`, in China time: born on or before it is an adult (18+)
 * on that day.
 */
export function adultCutoff(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3_600_000)
  const y = china.getUTCFullYear() - 18
  const md = china.toISOString().slice(4, 10)
  // 29 February: an adult on 28 February of a non-leap year is born on or before 28 February
  return md === '-02-29' ? `${y}-02-28` : `${y}${md}`
}
