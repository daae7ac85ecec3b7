import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { MeetingTiming, PaperNoticeView } from '@xiangli/shared'
import type { ActingContext } from '../../core/auth/current.decorator'
import { Clock } from '../../core/clock/clock'
import type { Deliberation } from './entities/deliberation.entity'
import type { DeliberationMeeting } from './entities/meeting.entity'
import { meetingTiming } from './meeting-notices.presenter'
import { MeetingNoticePreview } from './use-cases/meeting-notice-preview'
import { MeetingNoticePaper } from './use-cases/meeting-notice-paper'

/**
 * What scheduling and showing a meeting ask of its notice: the village's check-in lead time, the
 * paper notice recorded with the schedule, and the times and paper notice the meeting page shows.
 * The notice routes themselves are in http/meeting-notices.controller.ts.
 */
@Injectable()
export class MeetingNotices {
  constructor(
    private readonly previews: MeetingNoticePreview,
    private readonly paper: MeetingNoticePaper,
    private readonly clock: Clock,
  ) {}

  /** How long before a meeting of the village check-in opens. */
  checkInLeadMinutes(m: EntityManager, villageId: number): Promise<number> {
    return this.previews.checkInLeadMinutes(m, villageId)
  }

  /** Records the paper notice of a meeting just scheduled, in the caller's transaction. */
  recordPaperNotice(
    m: EntityManager,
    a: ActingContext,
    d: Deliberation,
    meeting: DeliberationMeeting,
    paper: { postedAt: Date; photoIds: number[] },
  ): Promise<void> {
    return this.paper.record(m, a, d, meeting, paper)
  }

  /** When the meeting takes check-ins and ballots, and where a meeting not yet opened stands now. */
  timing(meeting: DeliberationMeeting): MeetingTiming {
    return meetingTiming(meeting, this.clock.now())
  }

  /** The paper notice of a meeting as the meeting page shows it, with its photos. */
  paperNoticeView(meeting: DeliberationMeeting): Promise<PaperNoticeView | null> {
    return this.paper.view(meeting)
  }
}
