import type { TestApp } from './app'

const DAY = 86_400_000

/**
 * A meeting request that meets every notice rule: posted on paper 11 days ago for a meeting now.
 * Tests that need a meeting held go through `openMeeting`, so the way a lawful meeting comes about is
 * written in one place.
 */
export const lawfulMeeting = (step: string, body: string, over: Record<string, unknown> = {}) => ({
  step,
  body,
  meetingAt: new Date().toISOString(),
  noticeAt: new Date(Date.now() - 11 * DAY).toISOString(),
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
 * Schedules a meeting of the deliberation's current step and opens it at its time. Fails the test
 * when either is refused.
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
  const scheduled = await t.request({
    method: 'POST',
    url: `${base}/meetings`,
    token: o.token,
    body: lawfulMeeting(o.step, o.body, o.over),
  })
  if (scheduled.status !== 201) throw new Error(`schedule refused: ${JSON.stringify(scheduled.body)}`)
  const meetingId: number = scheduled.body.meetings.at(-1).id
  const opened = await t.request({
    method: 'POST',
    url: `${base}/meetings/${meetingId}/open`,
    token: o.token,
  })
  if (opened.status !== 200) throw new Error(`open refused: ${JSON.stringify(opened.body)}`)
  return { meetingId, members: await meetingMembers(t, meetingId) }
}
