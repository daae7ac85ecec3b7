import { meetingMoment, meetingTimes, type MeetingTiming, type PaperNoticeView } from '@xiangli/shared'
import type { StoredFile } from '../../core/files/entities/stored-file.entity'
import type { DeliberationMeeting } from './entities/meeting.entity'

/** When the meeting takes check-ins and ballots, and where a meeting not yet opened stands at `now`. */
export function meetingTiming(meeting: DeliberationMeeting, now: Date): MeetingTiming {
  const t = meetingTimes(meeting.meetingAt, meeting.checkInLeadMinutes)
  return {
    checkInOpensAt: t.checkInOpensAt.toISOString(),
    votingOpensAt: t.votingOpensAt.toISOString(),
    lapsesAt: t.lapsesAt.toISOString(),
    moment:
      meeting.status === 'scheduled'
        ? meetingMoment(meeting.meetingAt, meeting.checkInLeadMinutes, now)
        : null,
    now: now.toISOString(),
  }
}

/** The paper notice of a meeting as the meeting page shows it, with its photos at their signed URLs. */
export function paperNoticeView(
  meeting: DeliberationMeeting,
  photos: StoredFile[],
  signedUrl: (fileId: number) => string,
): PaperNoticeView | null {
  if (!meeting.paperNoticeAt) return null
  return {
    postedAt: meeting.paperNoticeAt.toISOString(),
    photos: photos.map((f) => ({
      id: f.id,
      url: signedUrl(f.id),
      mime: f.mime,
      size: f.size,
      ...(f.width !== null && f.height !== null ? { width: f.width, height: f.height } : {}),
    })),
    recordedBy: meeting.paperNoticeByName ?? '',
    confirmedAt: meeting.paperNoticeConfirmedAt?.toISOString() ?? null,
    confirmedBy: meeting.paperNoticeConfirmedByName,
  }
}
