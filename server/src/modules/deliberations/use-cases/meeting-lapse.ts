import { Injectable, Logger } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { DELIBERATION_BODY_LABELS, deliberationMeetingPage, MEETING_LAPSE_MS } from '@xiangli/shared'
import { AuditService, SYSTEM_ACTOR } from '../../../core/audit/audit.service'
import { Clock } from '../../../core/clock/clock'
import { JobLeases } from '../../../core/jobs/job-lease.service'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { DeliberationStore } from '../deliberation-store'
import { meetingDay } from '../deliberations.rules'
import type { Deliberation } from '../entities/deliberation.entity'
import type { DeliberationMeeting } from '../entities/meeting.entity'
import { MeetingsRepository } from '../meetings.repository'

export const LAPSE_JOB = 'deliberation.meeting_lapse'
const LAPSE_BATCH = 200

/**
 * A meeting not opened within a day after its announced time has not taken place: it lapses, stays
 * on the record, and the step waits for it to be noticed afresh. An attempt to open it too late
 * lapses it, and so does a periodic job for the ones nobody tried to open.
 */
@Injectable()
export class MeetingLapses {
  private readonly log = new Logger('MeetingLapse')

  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly store: DeliberationStore,
    private readonly notify: NotifyService,
    private readonly leases: JobLeases,
    private readonly clock: Clock,
  ) {}

  /**
   * Inside a transaction that holds the deliberation: marks the meeting lapsed (once: the update is
   * conditional), moves the step back to waiting for a meeting when this was its meeting, and tells
   * the members who were told its time. False when it was not a scheduled meeting past its time.
   */
  async lapseIn(
    m: EntityManager,
    d: Deliberation,
    meeting: DeliberationMeeting,
    now: Date,
  ): Promise<boolean> {
    if (now.getTime() < meeting.meetingAt.getTime() + MEETING_LAPSE_MS) return false
    if (!(await this.meetings.lapse(m, meeting.id))) return false
    meeting.status = 'lapsed'
    // a step has one scheduled meeting at a time, so a scheduled step of this meeting's is this one
    const current = d.state.phase === 'scheduled' && d.state.step === meeting.step
    if (current)
      await this.store.apply(
        m,
        d,
        { type: 'lapse_meeting', step: meeting.step },
        {
          actor: SYSTEM_ACTOR,
          roles: [],
          now,
          action: 'deliberation.meeting_lapsed',
          after: { meetingId: meeting.id },
        },
      )
    else {
      // a meeting the deliberation left behind (it was ended meanwhile) lapses on its own row; its
      // members were not waiting for a new time, so nobody is told one is coming
      await this.audit.append(m, {
        actor: SYSTEM_ACTOR,
        action: 'deliberation.meeting_lapsed',
        orgId: d.villageId,
        targetType: 'deliberation_meeting',
        targetId: meeting.id,
        after: { meetingId: meeting.id, status: 'lapsed' },
      })
      return true
    }
    const body = DELIBERATION_BODY_LABELS[meeting.body]
    await this.notify.notify(m, {
      accountIds: await this.store.memberAccounts(m, meeting.id),
      orgId: d.villageId,
      kind: 'deliberation.meeting_lapsed',
      title: `${body}没有按时召开`,
      body: `「${d.title}」定于${meetingDay(meeting.meetingAt)}召开的${body}没有按时开始，已经失效；重新安排后会再通知您。`,
      link: deliberationMeetingPage(d.id, meeting.id),
    })
    return true
  }

  /** The periodic run: on one instance at a time (the job lease). */
  async lapseOverdue(now = this.clock.now()): Promise<number> {
    if (!(await this.leases.claim(LAPSE_JOB, now))) return 0
    try {
      return await this.lapseDue(now)
    } finally {
      await this.leases.release(LAPSE_JOB)
    }
  }

  /** The work of one run, without the lease: how many meetings this runner lapsed. */
  async lapseDue(now: Date): Promise<number> {
    const due = await this.meetings.scheduledBefore(new Date(now.getTime() - MEETING_LAPSE_MS), LAPSE_BATCH)
    let lapsed = 0
    for (const row of due) {
      try {
        const done = await this.tx.run(async (m) => {
          const d = await this.store.find(m, row.villageId, row.deliberationId, true)
          const meeting = await this.store.meeting(m, d, row.id, true)
          return this.lapseIn(m, d, meeting, now)
        })
        if (done) lapsed++
      } catch (e) {
        this.log.error(`lapsing meeting ${row.id} failed: ${(e as Error).stack ?? String(e)}`)
      }
    }
    if (lapsed) this.log.log(`${lapsed} meeting(s) not opened in time have lapsed`)
    return lapsed
  }
}
