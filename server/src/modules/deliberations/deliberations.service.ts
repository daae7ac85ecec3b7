import { Injectable } from '@nestjs/common'
import {
  nextActor,
  type DeliberationCreate,
  type DeliberationView,
  type HomeMeeting,
  type MeetingBody,
  type MeetingView,
  type Role,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import type { ActingContext } from '../../core/auth/current.decorator'
import { DeliberationsRepository } from './deliberations.repository'
import { bodyMembers, type BodyMember } from './members.repository'
import { MeetingsRepository } from './meetings.repository'
import { PetitionsRepository } from './petitions.repository'
import { DeliberationDrafting } from './use-cases/deliberation-drafting'
import { DeliberationReads } from './use-cases/deliberation-reads'
import { MeetingReads } from './use-cases/meeting-reads'

/**
 * What the rest of the server may ask of deliberations: the views a deliberation's and a meeting's
 * pages show (the meeting notice answers with them after it reschedules or confirms).
 */
@Injectable()
export class DeliberationsService {
  constructor(
    private readonly reads: DeliberationReads,
    private readonly meetingReads: MeetingReads,
    private readonly repo: DeliberationsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly petitions: PetitionsRepository,
    private readonly drafting: DeliberationDrafting,
  ) {}

  /** Starts a deliberation in the caller's transaction (a 村规民约 version put to the vote); its id. */
  startWithin(
    m: EntityManager,
    a: ActingContext,
    body: DeliberationCreate,
    opts: { solicitation?: boolean } = {},
  ): Promise<number> {
    return this.drafting.createIn(m, a, body, opts)
  }

  /** The home page: the meetings a resident of the village is called to, soonest first. */
  async meetingsFor(villageId: number, residentId: number | null, take = 5): Promise<HomeMeeting[]> {
    if (residentId === null) return []
    const rows = await this.meetings.upcomingFor(villageId, residentId, take)
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }))
  }

  /** The township's dashboard: per village, deliberations under way and reached petitions, those past `cutoff` apart. */
  async townshipFigures(villageIds: number[], cutoff: Date) {
    return {
      underWay: await this.repo.underWayByVillage(villageIds),
      petitions: await this.petitions.waitingByVillage(villageIds, cutoff),
    }
  }

  /**
   * The home page: deliberations whose next step one of `roles` records, and petitions that reached
   * their threshold and wait for the 两委 to convene them (0 for those who do not convene).
   */
  async waitingOn(villageId: number, roles: readonly Role[], convenes: boolean) {
    const open = roles.length ? await this.repo.underWay(villageId) : []
    const deliberations = open.filter((d) => {
      const next = nextActor(d.procedure, d.state, [])
      return next !== null && next.roles.some((r) => roles.includes(r))
    }).length
    return { deliberations, petitionsReached: convenes ? await this.petitions.reachedIn(villageId) : 0 }
  }

  /**
   * Who is due at a meeting of this body, from the roster and the roles as they are now, in the
   * caller's transaction: other meetings that vote under the same law (民主评议) freeze their member
   * list exactly as a deliberation's meeting does.
   */
  membersDue(m: EntityManager, villageId: number, body: MeetingBody, meetingAt: Date): Promise<BodyMember[]> {
    return bodyMembers(m, villageId, body, meetingAt)
  }

  detail(a: ActingContext, id: number): Promise<DeliberationView> {
    return this.reads.detail(a, id)
  }

  meetingView(a: ActingContext, id: number, meetingId: number): Promise<MeetingView> {
    return this.meetingReads.meetingView(a, id, meetingId)
  }
}
