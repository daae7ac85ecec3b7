/**
 * The server's clock in browser tests. A server started with TEST_CLOCK=true lets the demo
 * administrator let time pass (POST /api/test/clock), the way the integration tests do in process:
 * the days before a villagers' meeting go by without typing dates in the past.
 */
import { authRoutes, pathOf, testClockRoutes, type TestClockView, type TokenPair } from '@xiangli/shared'

const tokens = new Map<string, string>()

async function adminToken(url: string): Promise<string> {
  const known = tokens.get(url)
  if (known) return known
  const res = await fetch(`${url}${pathOf(authRoutes.demoLogin, {})}`, {
    method: authRoutes.demoLogin.method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: 'admin' }),
  })
  if (!res.ok) throw new Error(`demo login as admin: ${res.status} ${await res.text()}`)
  const token = ((await res.json()) as TokenPair).accessToken
  tokens.set(url, token)
  return token
}

async function clock(url: string, advanceMs?: number): Promise<Date> {
  const route = advanceMs === undefined ? testClockRoutes.read : testClockRoutes.advance
  const res = await fetch(`${url}${pathOf(route, {})}`, {
    method: route.method,
    headers: {
      authorization: `Bearer ${await adminToken(url)}`,
      ...(advanceMs === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: advanceMs === undefined ? undefined : JSON.stringify({ advanceMs }),
  })
  if (!res.ok) throw new Error(`test clock: ${res.status} ${await res.text()}`)
  return new Date(((await res.json()) as TestClockView).now)
}

/** The server's now. */
export const serverNow = (url: string): Promise<Date> => clock(url)

/** Lets `ms` pass on the server. */
export const letPass = (url: string, ms: number): Promise<Date> => clock(url, ms)

/** Lets the server's clock reach `at`; nothing when it is already past. */
export async function passTo(url: string, at: Date): Promise<Date> {
  const now = await serverNow(url)
  return at > now ? clock(url, at.getTime() - now.getTime()) : now
}

/** A moment as the forms type it: 2026-12-05 and 19:30, Beijing time. */
export function beijing(at: Date): { date: string; time: string } {
  const iso = new Date(at.getTime() + 8 * 3_600_000).toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}

/** The moment a typed Beijing date and time stand for. */
export const fromBeijing = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`)

/** The start of the minute `minutes` from the server's now, as a meeting time the form can take. */
export async function minutesFromNow(url: string, minutes: number): Promise<Date> {
  const now = await serverNow(url)
  return new Date(Math.ceil((now.getTime() + minutes * 60_000) / 60_000) * 60_000)
}

/** 3月5日 19:30, the way the pages say a meeting's time. */
export function timeLabel(at: Date): string {
  const { date, time } = beijing(at)
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${time}`
}
