import { Injectable } from '@nestjs/common'
import type { DeliberationView, MeetingView } from '@xiangli/shared'
import type { ActingContext } from '../../core/auth/current.decorator'
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
  ) {}

  detail(a: ActingContext, id: number): Promise<DeliberationView> {
    return this.reads.detail(a, id)
  }

  meetingView(a: ActingContext, id: number, meetingId: number): Promise<MeetingView> {
    return this.meetingReads.meetingView(a, id, meetingId)
  }
}
