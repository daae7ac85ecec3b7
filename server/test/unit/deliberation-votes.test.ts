import type { EntityManager } from 'typeorm'
import type { Votes } from '@xiangli/shared'
import type { AuditService } from '../../src/core/audit/audit.service'
import type { Clock } from '../../src/core/clock/clock'
import type { FieldCrypto } from '../../src/core/crypto/field-crypto.service'
import { AppException } from '../../src/core/errors/app.exception'
import type { TxService } from '../../src/core/tx/tx.service'
import type { BallotsRepository } from '../../src/modules/deliberations/ballots.repository'
import { DeliberationHooks } from '../../src/modules/deliberations/deliberation-hooks'
import type { DeliberationStore } from '../../src/modules/deliberations/deliberation-store'
import type { DeliberationMeetingResult } from '../../src/modules/deliberations/entities/meeting-result.entity'
import {
  ATTENDANCE_SEAL,
  CHOICES_SEAL,
  RESULT_SEAL,
  SEAL_ACTION,
} from '../../src/modules/deliberations/meeting-seal'
import type { HotGate, MeetingsRepository } from '../../src/modules/deliberations/meetings.repository'
import { Ballots } from '../../src/modules/deliberations/use-cases/ballots'
import { MeetingClose } from '../../src/modules/deliberations/use-cases/meeting-close'
import type { MeetingReads } from '../../src/modules/deliberations/use-cases/meeting-reads'
import type { Publication } from '../../src/modules/deliberations/use-cases/publication'
import { cadre, MEETING_AT, member, uniqueViolation, voteInSession } from './support/deliberations-fakes'

const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppException ? e.code : String(e)),
  )

// ---------- a ballot, from the gate to its rows ----------

/** A member's ballot against plain fakes: the gate row the database would read, and the rows written. */
function ballotBox(gate: Partial<HotGate> = {}) {
  const row: HotGate = {
    status: 'in_session',
    ballot: 'secret',
    meetingAt: MEETING_AT,
    checkInLeadMinutes: 30,
    memberId: 3,
    householdId: 1,
    checkedInWith: '',
    votedWith: null,
    ...gate,
  }
  const turnout: { memberId: number; requestKey: string | null }[] = []
  const secret: { choice: string }[] = []
  const open: { memberId: number; choice: string; requestKey: string | null }[] = []
  let failNext: Error | null = null
  const ballots = {
    castSecret: async (
      _m: unknown,
      _meetingId: number,
      memberId: number,
      choice: string,
      requestKey: string | null,
    ) => {
      if (failNext) {
        const e = failNext
        failNext = null
        // the winner of a race committed first: its row is there, this insert hits the key
        row.votedWith = 'h:idempotency-key:key-12345678'
        throw e
      }
      turnout.push({ memberId, requestKey })
      secret.push({ choice })
      row.votedWith = requestKey ?? ''
    },
    castOpen: async (
      _m: unknown,
      _meetingId: number,
      memberId: number,
      choice: string,
      requestKey: string | null,
    ) => {
      open.push({ memberId, choice, requestKey })
      row.votedWith = requestKey ?? ''
    },
  } as unknown as BallotsRepository
  const meetings = { hotGate: async () => ({ ...row }) } as unknown as MeetingsRepository
  const tx = {
    run: <T>(fn: (m: EntityManager) => Promise<T>) => fn({} as EntityManager),
  } as unknown as TxService
  const clock = { now: () => new Date(MEETING_AT.getTime() + 60_000) } as unknown as Clock
  const crypto = { blindIndex: (s: string) => `h:${s}` } as unknown as FieldCrypto
  const use = new Ballots(tx, clock, crypto, meetings, ballots)
  return {
    use,
    row,
    turnout,
    secret,
    open,
    raceOnce: () => {
      failNext = uniqueViolation()
    },
  }
}

describe('a ballot', () => {
  it('of a secret vote is two rows: the turnout says who (with its key), the ballot only what', async () => {
    const box = ballotBox()
    const receipt = await box.use.cast(member(), 7, 70, { choice: 'no' }, 'key-12345678')
    expect(receipt).toEqual({ meetingId: 70, voted: true })
    expect(box.turnout).toEqual([{ memberId: 3, requestKey: 'h:idempotency-key:key-12345678' }])
    expect(box.secret).toEqual([{ choice: 'no' }])
    expect(Object.keys(box.secret[0]!)).not.toContain('memberId')
  })

  it('of an open vote keeps who and how in one row', async () => {
    const box = ballotBox({ ballot: 'open' })
    await box.use.cast(member(), 7, 70, { choice: 'yes' }, null)
    expect(box.open).toEqual([{ memberId: 3, choice: 'yes', requestKey: null }])
    expect(box.turnout).toEqual([])
  })

  it('retried with its key is answered with the same receipt and writes nothing, whatever the body says', async () => {
    const box = ballotBox()
    await box.use.cast(member(), 7, 70, { choice: 'yes' }, 'key-12345678')
    const again = await box.use.cast(member(), 7, 70, { choice: 'no' }, 'key-12345678')
    expect(again).toEqual({ meetingId: 70, voted: true })
    expect(box.secret).toEqual([{ choice: 'yes' }])
  })

  it('a second one with another key is refused', async () => {
    const box = ballotBox()
    await box.use.cast(member(), 7, 70, { choice: 'yes' }, 'key-12345678')
    expect(await code(box.use.cast(member(), 7, 70, { choice: 'no' }, 'key-87654321'))).toBe(
      'DELIBERATION_ALREADY_VOTED',
    )
    expect(box.secret).toHaveLength(1)
  })

  it('that loses a race to its own earlier attempt is answered as done', async () => {
    const box = ballotBox()
    box.raceOnce()
    expect(await box.use.cast(member(), 7, 70, { choice: 'yes' }, 'key-12345678')).toEqual({
      meetingId: 70,
      voted: true,
    })
    expect(box.secret).toEqual([])
  })

  it('is refused to a member not checked in, to someone not on the list, and before the meeting opens', async () => {
    expect(await code(ballotBox({ checkedInWith: null }).use.cast(member(), 7, 70, { choice: 'yes' }))).toBe(
      'DELIBERATION_NOT_CHECKED_IN',
    )
    expect(await code(ballotBox({ memberId: null }).use.cast(member(), 7, 70, { choice: 'yes' }))).toBe(
      'DELIBERATION_NOT_A_MEMBER',
    )
    expect(await code(ballotBox({ status: 'scheduled' }).use.cast(member(), 7, 70, { choice: 'yes' }))).toBe(
      'DELIBERATION_MEETING_NOT_OPEN',
    )
  })
})

// ---------- the close: quorum, result, seal ----------

/**
 * The close against plain fakes. The manager answers the seal's and the integrity check's queries:
 * no rows to digest, and `strangers` check-ins of people not on the list.
 */
function closing(o: {
  ballot?: 'open' | 'secret'
  due: number
  present: number
  online: Votes
  strangers?: number
}) {
  const { d, meeting } = voteInSession(o.ballot)
  const audit: { action: string }[] = []
  let result: DeliberationMeetingResult | null = null
  const saved: (typeof d.state)[] = []
  const m = {
    query: async (sql: string) =>
      sql.includes('COUNT(*) AS n')
        ? [{ n: sql.includes('FROM deliberation_attendance a') ? (o.strangers ?? 0) : 0 }]
        : [],
    getRepository: () => ({ findOneBy: async () => result }),
  } as unknown as EntityManager
  const tx = { run: <T>(fn: (m: EntityManager) => Promise<T>) => fn(m) } as unknown as TxService
  const store = {
    find: async () => d,
    meeting: async () => meeting,
    save: async (_m: unknown, x: typeof d, next: typeof d.state) => {
      saved.push(next)
      x.state = next
      x.status = next.status
      x.step = next.step
    },
  } as unknown as DeliberationStore
  const meetings = {
    attendance: async () => ({
      due: o.due,
      present: o.present,
      households: { total: o.due, represented: o.present },
    }),
    setStatus: async (_m: unknown, _id: number, s: typeof meeting.status) => {
      meeting.status = s
    },
    present: async () => [{ residentId: 3, householdId: 1, name: '王秀英' }],
  } as unknown as MeetingsRepository
  const hooks = new DeliberationHooks()
  const ballots = {
    online: async () => o.online,
    recordResult: async (_m: unknown, row: DeliberationMeetingResult) => {
      if (result) throw uniqueViolation()
      result = { ...row, closedAt: new Date(row.closedAt) }
    },
  } as unknown as BallotsRepository
  const use = new MeetingClose(
    tx,
    { append: async (_m: unknown, e: { action: string }) => void audit.push(e) } as unknown as AuditService,
    { now: () => new Date(MEETING_AT.getTime() + 3_600_000) } as unknown as Clock,
    store,
    meetings,
    ballots,
    { addNotice: async () => ({ id: 501 }) } as unknown as Publication,
    { meetingView: async () => ({ status: meeting.status }) } as unknown as MeetingReads,
    hooks,
  )
  return { use, d, meeting, audit, saved, hooks, result: () => result }
}

describe('closing a vote', () => {
  it('counts the app ballots with the clerk count, records the result once and moves a passed step on', async () => {
    const c = closing({ due: 10, present: 8, online: { yes: 5, no: 0, abstain: 0 } })
    const step = c.d.state.step
    await c.use.close(cadre(), 7, 70, { counted: { yes: 1, no: 1, abstain: 0 } })
    expect(c.result()).toMatchObject({ outcome: 'passed', due: 10, present: 8, yes: 6, no: 1, abstain: 0 })
    expect(c.result()!.online).toEqual({ yes: 5, no: 0, abstain: 0 })
    expect(c.meeting.status).toBe('closed')
    expect(c.d.state.step).not.toBe(step)
  })

  it('short of the quorum records the meeting as not quorate and the step waits for another', async () => {
    const c = closing({ due: 10, present: 3, online: { yes: 3, no: 0, abstain: 0 } })
    const step = c.d.state.step
    await c.use.close(cadre(), 7, 70, { counted: { yes: 0, no: 0, abstain: 0 } })
    expect(c.result()!.outcome).toBe('not_quorate')
    expect(c.d.state.step).toBe(step)
    expect(c.d.state.phase).toBe('pending')
  })

  it('seals what it counted: attendance, who voted (and how, for an open vote) and the result', async () => {
    const open = closing({ due: 4, present: 4, online: { yes: 4, no: 0, abstain: 0 } })
    await open.use.close(cadre(), 7, 70, { counted: { yes: 0, no: 0, abstain: 0 } })
    expect(open.audit.map((e) => e.action)).toEqual([
      'deliberation.vote_closed',
      SEAL_ACTION,
      ATTENDANCE_SEAL,
      RESULT_SEAL,
    ])
    const secret = closing({ ballot: 'secret', due: 4, present: 4, online: { yes: 4, no: 0, abstain: 0 } })
    await secret.use.close(cadre(), 7, 70, { counted: { yes: 0, no: 0, abstain: 0 } })
    expect(secret.audit.map((e) => e.action)).toContain(CHOICES_SEAL)
  })

  it('tells the hooks the meeting ended, with who was present and nothing of the ballots', async () => {
    const c = closing({ ballot: 'secret', due: 4, present: 4, online: { yes: 3, no: 1, abstain: 0 } })
    const heard: unknown[] = []
    c.hooks.register({ afterMeetingEnded: async (_m, _d, ended) => void heard.push(ended) })
    await c.use.close(cadre(), 7, 70, { counted: { yes: 0, no: 0, abstain: 0 } })
    expect(heard).toHaveLength(1)
    const ended = heard[0] as Record<string, unknown>
    expect(Object.keys(ended).sort()).toEqual(['actor', 'body', 'endedAt', 'meetingId', 'present'])
    expect(ended).toMatchObject({
      meetingId: 70,
      present: [{ residentId: 3, householdId: 1, name: '王秀英' }],
    })
    expect((ended.endedAt as Date).getTime()).toBe(c.result()!.closedAt.getTime())
  })

  it('refuses more votes than people present, and writes nothing', async () => {
    const c = closing({ due: 10, present: 6, online: { yes: 5, no: 0, abstain: 0 } })
    expect(await code(c.use.close(cadre(), 7, 70, { counted: { yes: 2, no: 0, abstain: 0 } }))).not.toBe('ok')
    expect(c.result()).toBeNull()
    expect(c.meeting.status).toBe('in_session')
    expect(c.audit).toEqual([])
  })

  it('refuses to count rows it cannot account for: the vote can then only be declared void', async () => {
    const c = closing({ due: 10, present: 8, online: { yes: 8, no: 0, abstain: 0 }, strangers: 2 })
    expect(await code(c.use.close(cadre(), 7, 70, { counted: { yes: 0, no: 0, abstain: 0 } }))).toBe(
      'DELIBERATION_BALLOTS_UNACCOUNTED',
    )
    expect(c.result()).toBeNull()
  })

  it('a closed meeting is final', async () => {
    const c = closing({ due: 4, present: 4, online: { yes: 4, no: 0, abstain: 0 } })
    await c.use.close(cadre(), 7, 70, { counted: { yes: 0, no: 0, abstain: 0 } })
    expect(await code(c.use.close(cadre(), 7, 70, { counted: { yes: 0, no: 0, abstain: 0 } }))).toBe(
      'DELIBERATION_RESULT_FINAL',
    )
  })

  it('is refused to those who do not record the step', async () => {
    const c = closing({ due: 4, present: 4, online: { yes: 4, no: 0, abstain: 0 } })
    expect(await code(c.use.close(member(), 7, 70, { counted: { yes: 0, no: 0, abstain: 0 } }))).not.toBe(
      'ok',
    )
    expect(c.result()).toBeNull()
  })
})
