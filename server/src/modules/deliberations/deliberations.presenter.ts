import {
  countedNoticeAt,
  currentDeliberationStep,
  DELIBERATION_BODY_LABELS,
  DELIBERATION_STATUS_LABELS,
  findStep,
  MATTER_TYPE_LABELS,
  moderationView,
  stepPhaseLabel,
  type DeliberationSummary,
  type DeliberationView,
  type MeetingResultView,
  type MeetingSummary,
  type MinutesEntryView,
  type OpinionView,
  type StoredFileView,
  type TownshipAttendeeView,
} from '@xiangli/shared'
import type { StoredFile } from '../../core/files/entities/stored-file.entity'
import type { Deliberation } from './entities/deliberation.entity'
import type { DeliberationMeetingMinutes } from './entities/meeting-minutes.entity'
import type { DeliberationMeetingResult } from './entities/meeting-result.entity'
import type { DeliberationMeeting } from './entities/meeting.entity'
import type { DeliberationOpinion } from './entities/opinion.entity'
import type { DeliberationTownshipAttendee } from './entities/township-attendee.entity'

/** Rows → the answers of the deliberation routes. Pure: whatever a view needs is read before. */

/** A signed link to a stored file. */
export type UrlOf = (fileId: number) => string

export const presentFile = (f: StoredFile, urlOf: UrlOf): StoredFileView => ({
  id: f.id,
  url: urlOf(f.id),
  mime: f.mime,
  size: f.size,
  ...(f.width !== null && f.height !== null ? { width: f.width, height: f.height } : {}),
})

export const presentSummary = (d: Deliberation): DeliberationSummary => ({
  id: d.id,
  title: d.title,
  matterType: d.matterType,
  status: d.status,
  statusLabel: DELIBERATION_STATUS_LABELS[d.status],
  step: d.step,
  stepLabel: findStep(d.procedure, d.step)?.label ?? d.step,
  createdAt: d.createdAt.toISOString(),
})

export const presentResult = (r: DeliberationMeetingResult): MeetingResultView => ({
  outcome: r.outcome,
  reason: r.reason,
  due: r.due,
  present: r.present,
  households:
    r.householdsTotal === null ? null : { total: r.householdsTotal, represented: r.householdsRepresented },
  quorumBy: r.quorumBy,
  votes: { yes: r.yes, no: r.no, abstain: r.abstain },
  online: r.online,
  closedAt: r.closedAt.toISOString(),
})

export const presentMeetingSummary = (
  x: DeliberationMeeting,
  r: DeliberationMeetingResult | undefined,
): MeetingSummary => ({
  id: x.id,
  step: x.step,
  body: x.body,
  bodyLabel: DELIBERATION_BODY_LABELS[x.body],
  meetingAt: x.meetingAt.toISOString(),
  noticeAt: x.noticeAt.toISOString(),
  countedNoticeAt: countedNoticeAt(x).toISOString(),
  paperNoticePending: x.paperNoticeAt !== null && x.paperNoticeConfirmedAt === null,
  location: x.location,
  ballot: x.ballot,
  status: x.status,
  result: r ? presentResult(r) : null,
})

/** What the detail shows besides the deliberation's own row, read by the use case. */
export type DetailParts = Pick<
  DeliberationView,
  'attachments' | 'solicitation' | 'notices' | 'actions' | 'nextActor'
> & { meetings: DeliberationMeeting[]; results: DeliberationMeetingResult[] }

export function presentDetail(d: Deliberation, p: DetailParts): DeliberationView {
  const step = currentDeliberationStep(d.procedure, d.state)
  return {
    id: d.id,
    title: d.title,
    content: d.content,
    matterType: d.matterType,
    matterLabel: MATTER_TYPE_LABELS[d.matterType],
    source: {
      kind: d.sourceKind,
      grievanceId: d.sourceGrievanceId,
      reference: d.sourceReference,
      petitionId: d.sourcePetitionId,
    },
    delegationResolution: d.delegationResolution,
    status: d.status,
    statusLabel: DELIBERATION_STATUS_LABELS[d.status],
    step: d.step,
    stepLabel: step.label,
    phase: d.state.phase,
    phaseLabel: stepPhaseLabel(step.kind, d.state.phase),
    procedure: {
      variant: d.procedure.variant,
      label: d.procedure.label,
      steps: d.procedure.steps.map((s) => ({
        key: s.key,
        label: s.label,
        kind: s.kind,
        bodies: s.bodies.map((b) => b.body),
        recorders: s.recorders,
        deciding: s.deciding,
      })),
    },
    history: d.state.history,
    attachments: p.attachments,
    solicitation: p.solicitation,
    opinionSummary: d.state.opinionSummary,
    meetings: p.meetings.map((x) =>
      presentMeetingSummary(
        x,
        p.results.find((y) => y.meetingId === x.id),
      ),
    ),
    notices: p.notices,
    /** what the caller may do now: which buttons the page shows */
    actions: p.actions,
    nextActor: p.nextActor,
    createdAt: d.createdAt.toISOString(),
  }
}

export const presentOpinions = (
  rows: DeliberationOpinion[],
  files: StoredFile[],
  accountId: number,
  urlOf: UrlOf,
  reasons: ReadonlyMap<number, string> = new Map(),
): OpinionView[] =>
  rows.map((o) => ({
    id: o.id,
    name: o.name,
    text: o.text,
    photos: files.filter((f) => f.attachedId === o.id).map((f) => presentFile(f, urlOf)),
    isMine: o.accountId === accountId,
    createdAt: o.createdAt.toISOString(),
    moderation: moderationView(o.moderation, reasons.get(o.id)),
  }))

export const presentMinutes = (rows: DeliberationMeetingMinutes[]): MinutesEntryView[] =>
  rows.map((x) => ({
    id: x.id,
    seq: x.seq,
    kind: x.seq === 1 ? ('minutes' as const) : ('correction' as const),
    text: x.text,
    recordedBy: x.recordedByName,
    createdAt: x.createdAt.toISOString(),
  }))

export const presentAttendees = (rows: DeliberationTownshipAttendee[]): TownshipAttendeeView[] =>
  rows.map((x) => ({
    id: x.id,
    accountId: x.accountId,
    name: x.name,
    title: x.title,
    createdAt: x.createdAt.toISOString(),
  }))
