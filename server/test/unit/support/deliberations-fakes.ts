import {
  buildProcedure,
  DAY_MS,
  startDeliberation,
  transitionDeliberation,
  type BallotKind,
  type DeliberationState,
  type Role,
} from '@xiangli/shared'
import type { ActingContext } from '../../../src/core/auth/current.decorator'
import type { Deliberation } from '../../../src/modules/deliberations/entities/deliberation.entity'
import type { DeliberationMeeting } from '../../../src/modules/deliberations/entities/meeting.entity'
import { viewerWith } from './viewer'

export const T0 = new Date('2025-03-03T02:00:00Z')
/** The meeting's announced time: fifteen days after the notice. */
export const MEETING_AT = new Date(T0.getTime() + 15 * DAY_MS)
export const VILLAGE = 1
const CADRES: Role[] = ['party_secretary', 'committee_member']

/** 提议 of 四议两公开, its meeting noticed at T0 and opened at its time: a vote in session. */
export function voteInSession(ballot: BallotKind = 'open'): {
  d: Deliberation
  meeting: DeliberationMeeting
} {
  const procedure = buildProcedure({ procedureVariant: 'siyi_liang_gongkai', yijiantiao: false })
  const step = procedure.steps[0]!
  const ctx = (now: Date) => ({
    procedure,
    matter: 'ordinary' as const,
    delegated: false,
    roles: CADRES,
    now,
  })
  const must = (t: ReturnType<typeof transitionDeliberation>): DeliberationState => {
    if (!t.ok) throw new Error(`${t.code}: ${t.reason ?? ''}`)
    return t.next
  }
  let state = startDeliberation(procedure, T0)
  state = must(
    transitionDeliberation(
      state,
      {
        type: 'schedule_meeting',
        step: step.key,
        body: step.body,
        meetingAt: MEETING_AT,
        noticeAt: T0,
        agendaPublished: true,
        planSent: true,
        ballot,
      },
      ctx(T0),
    ),
  )
  state = must(transitionDeliberation(state, { type: 'open', step: step.key, noticeAt: T0 }, ctx(MEETING_AT)))
  const d = {
    id: 7,
    villageId: VILLAGE,
    title: '修村东头的桥',
    content: '桥面坏了，要修。',
    matterType: 'ordinary',
    delegationResolution: null,
    procedure,
    state,
    status: state.status,
    step: state.step,
  } as Deliberation
  const meeting = {
    id: 70,
    deliberationId: d.id,
    villageId: VILLAGE,
    step: step.key,
    body: step.body,
    meetingAt: MEETING_AT,
    noticeAt: T0,
    ballot,
    status: 'in_session',
  } as DeliberationMeeting
  return { d, meeting }
}

/** The 两委's secretary acting in the village. */
export function cadre(): ActingContext {
  const viewer = viewerWith({ [VILLAGE]: CADRES }, { accountId: 11 })
  return {
    principal: viewer.principal,
    viewer,
    villageId: VILLAGE,
    role: 'party_secretary',
    actor: { accountId: 11, name: '测试', role: 'party_secretary' },
  }
}

/** A member of the village on its roster (resident 5), acting with any role. */
export function member(): ActingContext {
  const viewer = viewerWith({ [VILLAGE]: ['resident'] }, { accountId: 21, residentIn: { [VILLAGE]: 5 } })
  return {
    principal: viewer.principal,
    viewer,
    villageId: VILLAGE,
    role: 'resident',
    actor: { accountId: 21, name: '测试', role: 'resident' },
  }
}

/** What a unique key refuses with, as the database driver reports it. */
export const uniqueViolation = () =>
  Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })
