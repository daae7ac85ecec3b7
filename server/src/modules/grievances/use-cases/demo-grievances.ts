import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { GrievanceAction } from '@xiangli/shared'
import { SYSTEM_ACTOR } from '../../../core/audit/audit.service'
import { GrievancesRepository, type NewGrievance } from '../grievances.repository'

/** A person of the demo roster, as a grievance names them. */
export interface DemoGrievancePerson {
  id: number
  accountId: number | null
  name: string
}

/** One step of a demo grievance's timeline after its submission, by a person or by the system. */
export interface DemoGrievanceStep {
  action: GrievanceAction
  at: Date
  by: DemoGrievancePerson | 'system'
  text?: string
  rating?: number
}

/** A demo grievance: who raised it, how far it got (its fields as they stand), its steps, who supports it. */
export interface DemoGrievance {
  raiser: DemoGrievancePerson
  fields: Partial<NewGrievance> &
    Pick<NewGrievance, 'category' | 'title' | 'text' | 'state'> & { createdAt: Date }
  steps: DemoGrievanceStep[]
  supporters?: DemoGrievancePerson[]
}

/**
 * The demo village's grievances, written as they would stand after their steps, with a timeline
 * in the past, which no request through the API can give them. Public unless said otherwise.
 */
@Injectable()
export class DemoGrievances {
  constructor(private readonly repo: GrievancesRepository) {}

  async seed(m: EntityManager, villageId: number, grievances: DemoGrievance[]): Promise<void> {
    for (const { raiser, fields, steps, supporters = [] } of grievances) {
      const saved = await this.repo.insert(m, {
        villageId,
        raiserAccountId: raiser.accountId!,
        raiserResidentId: raiser.id,
        proxy: null,
        raiserName: raiser.name,
        collectorName: null,
        photoIds: [],
        location: null,
        visibility: 'public',
        dueAt: null,
        assigneeResidentId: null,
        assigneeName: null,
        declineReason: null,
        acceptedAt: null,
        answeredAt: null,
        answerMinutes: null,
        closedAt: null,
        escalatedAt: null,
        reopenCount: 0,
        rating: null,
        ratingComment: null,
        ...fields,
      })
      const timeline: DemoGrievanceStep[] = [
        { action: 'submitted', at: fields.createdAt, by: raiser },
        ...steps,
      ]
      for (const s of timeline)
        await this.repo.addEvent(m, saved.id, s.action, {
          actor:
            s.by === 'system'
              ? SYSTEM_ACTOR
              : {
                  accountId: s.by.accountId,
                  name: s.by.name,
                  role: s.by.id === raiser.id ? 'resident' : 'committee_member',
                },
          at: s.at,
          text: s.text ?? null,
          rating: s.rating ?? null,
        })
      for (const s of supporters) await this.repo.addSupport(m, saved.id, s.accountId!)
    }
  }
}
