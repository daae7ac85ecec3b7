const pad = (n: number) => String(n).padStart(2, '0')
const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()

/** Times the way people say them: 今天 14:05, 昨天 09:12, 3月5日, 2024年3月5日. Phone's local time. */
export function formatTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return ''
  const days = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000)
  const clock = `${pad(at.getHours())}:${pad(at.getMinutes())}`
  if (days === 0) return `今天 ${clock}`
  if (days === 1) return `昨天 ${clock}`
  if (at.getFullYear() === now.getFullYear()) return `${at.getMonth() + 1}月${at.getDate()}日 ${clock}`
  return `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日`
}

/** 上午好 / 下午好 / 晚上好, for the greeting on 首页. */
export function greeting(now: Date = new Date()): string {
  const h = now.getHours()
  if (h < 5) return '您好'
  if (h < 12) return '上午好'
  if (h < 18) return '下午好'
  return '晚上好'
}
