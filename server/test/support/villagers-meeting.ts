import type { TestApp } from './app'
import { openMeeting } from './meetings'

/**
 * A deliberation of 柳林村 brought to its deciding step and a villagers' meeting on it opened: 提议,
 * 商议 and 审议 are held quickly (every member signed in on paper, all in favour). Meetings are
 * scheduled and opened by `openMeeting`, the one place that knows how a lawful meeting comes about.
 */
export async function openVillagersMeeting(
  t: TestApp,
  o: { token: string; villageId: number; ballot: 'open' | 'secret'; title?: string },
): Promise<{ deliberationId: number; meetingId: number; members: { id: number; residentId: number }[] }> {
  const base = `/api/villages/${o.villageId}/deliberations`
  const post = async (url: string, body: unknown = {}) => {
    const res = await t.request({ method: 'POST', url, token: o.token, body })
    if (res.status >= 300) throw new Error(`${url} refused: ${JSON.stringify(res.body)}`)
    return res.body
  }
  const created = await post(base, {
    title: o.title ?? '修建村东头便民桥',
    content: '村东头的木桥年久失修，拟用集体资金修建一座水泥桥。',
    matterType: 'public_works',
    source: { kind: 'cadre' },
  })
  const deliberationId: number = created.id
  const meeting = (step: string, body: string, over: Record<string, unknown> = {}) =>
    openMeeting(t, { token: o.token, villageId: o.villageId, deliberationId, step, body, over })
  for (const [step, body] of [
    ['propose', 'party_branch'],
    ['consult', 'joint_committees'],
    ['review', 'party_members_meeting'],
  ] as const) {
    const { meetingId, members } = await meeting(step, body)
    const path = `${base}/${deliberationId}/meetings/${meetingId}`
    await post(`${path}/paper-sign-in`, { memberIds: members.map((m) => m.id) })
    await post(`${path}/close`, { counted: { yes: members.length, no: 0, abstain: 0 } })
  }
  const { meetingId, members } = await meeting('decide', 'villagers_meeting', { ballot: o.ballot })
  return { deliberationId, meetingId, members }
}
