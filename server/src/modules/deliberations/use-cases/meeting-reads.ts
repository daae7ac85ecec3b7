import { Injectable } from '@nestjs/common'
import {
  countedNoticeAt,
  DELIBERATION_BODY_LABELS,
  findStep,
  meetingRuleFor,
  quorumMet,
  type MeetingView,
  type QuorumRule,
  type QuorumView,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { BallotsRepository } from '../ballots.repository'
import { DeliberationsRepository } from '../deliberations.repository'
import { mayConfirmPaperNotice, mayRecord, seesSignInList } from '../deliberations.policy'
import { presentAttendees, presentMinutes, presentResult } from '../deliberations.presenter'
import { FILES_OF_MEETING } from '../deliberations.rules'
import { ballotsUnaccounted } from '../meeting-seal'
import { MeetingNotices } from '../meeting-notices'
import { MeetingRecordsRepository } from '../meeting-records.repository'
import { MeetingsRepository } from '../meetings.repository'
import { DeliberationReads } from './deliberation-reads'

/** Reading a meeting: its page (sign-ins, result, records) and its quorum as it stands. */
@Injectable()
export class MeetingReads {
  constructor(
    private readonly deliberations: DeliberationsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly ballots: BallotsRepository,
    private readonly records: MeetingRecordsRepository,
    private readonly meetingNotices: MeetingNotices,
    private readonly reads: DeliberationReads,
  ) {}

  /**
   * Each meeting's quorum rule, once read: it comes from the procedure frozen onto the deliberation
   * and the meeting's step and body, none of which ever change, so a check-in need not read them.
   */
  private readonly quorumRules = new Map<number, QuorumRule>()

  /** The quorum as it stands, from SQL aggregates over the frozen list and the sign-ins. */
  async quorum(a: ActingContext, id: number, meetingId: number): Promise<QuorumView> {
    const m = this.deliberations.reader
    const d = await this.deliberations.find(m, a.villageId, id)
    const meeting = await this.meetings.find(m, d, meetingId)
    const rule = this.remember(meetingId, () => {
      const step = findStep(d.procedure, meeting.step)!
      return meetingRuleFor(d.procedure, step, meeting.body, d.matterType)!.quorum
    })
    const attendance = await this.meetings.attendance(m, meetingId)
    return { meetingId, status: meeting.status, attendance, quorum: quorumMet(rule, attendance) }
  }

  /**
   * The quorum right after a check-in or a sign-in, whose gate has just found the meeting in this
   * deliberation and village and read its status: the counts, and the rule from memory once known.
   */
  async quorumAfterSignIn(
    a: ActingContext,
    id: number,
    meetingId: number,
    status: QuorumView['status'],
  ): Promise<QuorumView> {
    const rule = this.quorumRules.get(meetingId)
    if (!rule) return this.quorum(a, id, meetingId)
    const attendance = await this.meetings.attendance(this.deliberations.reader, meetingId)
    return { meetingId, status, attendance, quorum: quorumMet(rule, attendance) }
  }

  private remember(meetingId: number, read: () => QuorumRule): QuorumRule {
    const known = this.quorumRules.get(meetingId)
    if (known) return known
    const rule = read()
    // a bounded memory: the oldest meeting is forgotten first (it is read again if asked)
    if (this.quorumRules.size >= 1000) this.quorumRules.delete(this.quorumRules.keys().next().value!)
    this.quorumRules.set(meetingId, rule)
    return rule
  }

  async meetingView(a: ActingContext, id: number, meetingId: number): Promise<MeetingView> {
    const m = this.deliberations.reader
    const v = a.viewer
    const d = await this.deliberations.find(m, a.villageId, id)
    const meeting = await this.meetings.find(m, d, meetingId)
    const result = await this.ballots.result(meetingId)
    const members = await this.meetings.members(meetingId)
    const present = await this.meetings.presentMemberIds(meetingId)
    const seesAll = seesSignInList(v, a.villageId)
    const me = v.residentIdIn(a.villageId) ?? undefined
    const canRecord = mayRecord(v, d, meeting)
    const myLine = members.find((x) => x.residentId === me)
    return {
      id: meeting.id,
      deliberationId: d.id,
      step: meeting.step,
      body: meeting.body,
      bodyLabel: DELIBERATION_BODY_LABELS[meeting.body],
      meetingAt: meeting.meetingAt.toISOString(),
      noticeAt: meeting.noticeAt.toISOString(),
      countedNoticeAt: countedNoticeAt(meeting).toISOString(),
      paperNotice: await this.meetingNotices.paperNoticeView(meeting),
      canConfirmPaperNotice: mayConfirmPaperNotice(v, a.villageId, meeting),
      timing: this.meetingNotices.timing(meeting),
      checkInLeadMinutes: meeting.checkInLeadMinutes,
      location: meeting.location,
      agenda: meeting.agenda,
      ballot: meeting.ballot,
      status: meeting.status,
      due: members.length,
      present: present.size,
      /** the sign-in list is for the clerk; a member sees only their own line */
      members: members
        .filter((x) => seesAll || x.residentId === me)
        .map((x) => ({ id: x.id, name: x.name, present: present.has(x.id), isMe: x.residentId === me })),
      result: result ? presentResult(result) : null,
      /**
       * The running count, only where the village chose to show it and only for an open vote: a live
       * count of a secret ballot, watched as each member votes, would tell who voted what.
       */
      liveVotes:
        meeting.status === 'in_session' &&
        meeting.ballot === 'open' &&
        (await this.deliberations.settings(a.villageId)).showCountsLive
          ? await this.ballots.online(m, meeting)
          : null,
      minutes: presentMinutes(await this.records.minutes(meetingId)),
      attachments: await this.reads.fileViews(FILES_OF_MEETING, meetingId),
      townshipAttendees: presentAttendees(await this.records.attendees(meetingId)),
      canRecord,
      integrityProblem:
        meeting.status === 'in_session' && canRecord ? await ballotsUnaccounted(m, meeting) : null,
      iVoted: myLine ? await this.ballots.hasVoted(meeting, myLine.id) : false,
    }
  }
}
