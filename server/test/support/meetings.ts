import {
  defaultProcedureSettings,
  earliestMeetingAt,
  isMeetingBody,
  type DeliberationBody,
} from '@xiangli/shared'
import { Clock } from '../../src/core/clock/clock'
import { DeliberationMeeting } from '../../src/modules/deliberations/entities/meeting.entity'
import type { TestApp } from './app'

/** The server's time, which tests move on with `passTo`. */
export const serverNow = (t: TestApp): Date => t.app.get(Clock).now()

/** Lets the server's clock reach `at`; nothing when it is already past. */
export function passTo(t: TestApp, at: Date | string): Date {
  const clock = t.app.get(Clock)
  const wait = new Date(at).getTime() - clock.nowMs()
  return wait > 0 ? clock.advance(wait) : clock.now()
}

/** Lets `ms` pass on the server's clock. */
export const letPass = (t: TestApp, ms: number): Date => t.app.get(Clock).advance(ms)

/**
 * The earliest lawful time of a meeting of `body` on a notice the system publishes now: the day the
 * notice days allow (villagers' meeting 10, party members 3), or now, to the whole second (MariaDB
 * keeps whole seconds).
 */
export function earliestLawful(t: TestApp, body: string): Date {
  const now = serverNow(t)
  const rule = isMeetingBody(body as DeliberationBody)
    ? defaultProcedureSettings().notices[body as keyof ReturnType<typeof defaultProcedureSettings>['notices']]
    : { minDays: 0, agendaRequired: false, planRequired: false }
  const at = earliestMeetingAt(rule, now)
  return new Date(Math.floor(at.getTime() / 1000) * 1000)
}

/**
 * A meeting request that meets every notice rule: the system publishes the notice when it receives
 * the request, and the meeting is at the earliest lawful time. Tests that need a meeting held go
 * through `openMeeting`, so the way a lawful meeting comes about is written in one place.
 */
export const lawfulMeeting = (
  t: TestApp,
  step: string,
  body: string,
  over: Record<string, unknown> = {},
) => ({
  step,
  body,
  meetingAt: earliestLawful(t, body).toISOString(),
  location: '村委会会议室',
  agenda: '会议议程',
  agendaPublished: true,
  planSent: true,
  ...over,
})

/** The frozen member list of a meeting, in order. */
export const meetingMembers = async (
  t: TestApp,
  meetingId: number,
): Promise<{ id: number; residentId: number }[]> =>
  (
    await t.ds.query(
      'SELECT id, residentId FROM deliberation_meeting_member WHERE meetingId = ? ORDER BY id',
      [meetingId],
    )
  ).map((r: { id: number | string; residentId: number | string }) => ({
    id: Number(r.id),
    residentId: Number(r.residentId),
  }))

/**
 * Lets the server's clock reach the announced time of a meeting, as the day of the meeting comes
 * (meetings from `lawfulMeeting` are at whole seconds, which MariaDB keeps exactly).
 */
export async function reachMeeting(t: TestApp, meetingId: number): Promise<Date> {
  const [row] = await t.ds.getRepository(DeliberationMeeting).find({ where: { id: meetingId } })
  if (!row) throw new Error(`no meeting ${meetingId}`)
  return passTo(t, row.meetingAt)
}

/**
 * Schedules a meeting of the deliberation's current step on a notice published now, lets the days
 * of notice pass to its time, and opens it. Fails the test when either is refused.
 */
export async function openMeeting(
  t: TestApp,
  o: {
    token: string
    villageId: number
    deliberationId: number
    step: string
    body: string
    over?: Record<string, unknown>
  },
): Promise<{ meetingId: number; members: { id: number; residentId: number }[] }> {
  const base = `/api/villages/${o.villageId}/deliberations/${o.deliberationId}`
  const request = lawfulMeeting(t, o.step, o.body, o.over)
  const scheduled = await t.request({
    method: 'POST',
    url: `${base}/meetings`,
    token: o.token,
    body: request,
  })
  if (scheduled.status !== 201) throw new Error(`schedule refused: ${JSON.stringify(scheduled.body)}`)
  const meetingId: number = scheduled.body.meetings.at(-1).id
  passTo(t, String(request.meetingAt))
  const opened = await t.request({
    method: 'POST',
    url: `${base}/meetings/${meetingId}/open`,
    token: o.token,
  })
  if (opened.status !== 200) throw new Error(`open refused: ${JSON.stringify(opened.body)}`)
  return { meetingId, members: await meetingMembers(t, meetingId) }
}

/**
 * Holds a meeting of the current step that passes: scheduled and opened as `openMeeting` does, every
 * member signed in from the paper sheet, all hands for it.
 */
export async function holdMeeting(
  t: TestApp,
  o: Parameters<typeof openMeeting>[1],
): Promise<{ meetingId: number; members: { id: number; residentId: number }[] }> {
  const held = await openMeeting(t, o)
  const base = `/api/villages/${o.villageId}/deliberations/${o.deliberationId}/meetings/${held.meetingId}`
  const signed = await t.request({
    method: 'POST',
    url: `${base}/paper-sign-in`,
    token: o.token,
    body: { memberIds: held.members.map((x) => x.id) },
  })
  if (signed.status !== 200) throw new Error(`sign-in refused: ${JSON.stringify(signed.body)}`)
  const n = held.members.length
  const closed = await t.request({
    method: 'POST',
    url: `${base}/close`,
    token: o.token,
    body: { counted: { yes: n, no: 0, abstain: 0 } },
  })
  if (closed.status !== 200 || closed.body.result?.outcome !== 'passed')
    throw new Error(`close refused: ${JSON.stringify(closed.body)}`)
  return held
}
