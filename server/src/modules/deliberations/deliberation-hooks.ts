import { Injectable } from '@nestjs/common'
import type { MeetingBody, MeetingOutcomeKind, StepKey } from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import type { Actor } from '../../core/audit/audit.service'

/** What a hook is told of the deliberation: enough to find what it carries. */
export interface HookedDeliberation {
  id: number
  villageId: number
  title: string
}

/**
 * A feature that puts its own matter through a deliberation (村规民约) hears of the steps that
 * concern it, and one that follows taking part (积分制) hears of meetings ending and opinion windows
 * closing, inside the deliberation's own transaction, so both change together or not at all.
 */
export interface DeliberationHook {
  /** Before a meeting of a step is scheduled: throw an AppException to refuse (a body the law does not allow). */
  beforeMeeting?(m: EntityManager, d: HookedDeliberation, step: StepKey, body: MeetingBody): Promise<void>
  /** The deciding vote was recorded and sealed into the audit chain. */
  afterDecision?(
    m: EntityManager,
    d: HookedDeliberation,
    decision: { meetingId: number; body: MeetingBody; outcome: MeetingOutcomeKind; actor: Actor },
  ): Promise<void>
  /** The deliberation was ended (终止) before it was adopted. */
  afterEnded?(m: EntityManager, d: HookedDeliberation, actor: Actor): Promise<void>
  /**
   * A meeting of any step ended (its result recorded). Told who checked in, never anything of the
   * ballots: what a hook does with it cannot depend on how anyone voted.
   */
  afterMeetingEnded?(m: EntityManager, d: HookedDeliberation, meeting: EndedMeeting): Promise<void>
  /** The opinion window (一征) closed and the committee posted its summary; told who gave opinions. */
  afterSolicitationClosed?(m: EntityManager, d: HookedDeliberation, window: ClosedSolicitation): Promise<void>
}

/** A meeting that ended, with the members who were present (checked in or on the paper sheet). */
export interface EndedMeeting {
  meetingId: number
  body: MeetingBody
  endedAt: Date
  present: { residentId: number; householdId: number; name: string }[]
  actor: Actor
}

/** An opinion window that closed, with the residents who gave at least one opinion in it. */
export interface ClosedSolicitation {
  closedAt: Date
  givers: { residentId: number; name: string }[]
  actor: Actor
}

/** The hooks registered by other modules at start; the deliberations module calls them. */
@Injectable()
export class DeliberationHooks {
  private readonly hooks: DeliberationHook[] = []

  register(hook: DeliberationHook): void {
    this.hooks.push(hook)
  }

  async beforeMeeting(m: EntityManager, d: HookedDeliberation, step: StepKey, body: MeetingBody) {
    for (const h of this.hooks) await h.beforeMeeting?.(m, plain(d), step, body)
  }

  async afterDecision(
    m: EntityManager,
    d: HookedDeliberation,
    decision: { meetingId: number; body: MeetingBody; outcome: MeetingOutcomeKind; actor: Actor },
  ) {
    for (const h of this.hooks) await h.afterDecision?.(m, plain(d), decision)
  }

  async afterEnded(m: EntityManager, d: HookedDeliberation, actor: Actor) {
    for (const h of this.hooks) await h.afterEnded?.(m, plain(d), actor)
  }

  async afterMeetingEnded(m: EntityManager, d: HookedDeliberation, meeting: EndedMeeting) {
    for (const h of this.hooks) await h.afterMeetingEnded?.(m, plain(d), meeting)
  }

  async afterSolicitationClosed(m: EntityManager, d: HookedDeliberation, window: ClosedSolicitation) {
    for (const h of this.hooks) await h.afterSolicitationClosed?.(m, plain(d), window)
  }
}

const plain = (d: HookedDeliberation): HookedDeliberation => ({
  id: d.id,
  villageId: d.villageId,
  title: d.title,
})
