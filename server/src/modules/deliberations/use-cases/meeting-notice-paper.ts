import { Injectable, type OnModuleInit } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { DELIBERATION_BODY_LABELS, deliberationMeetingPage, type PaperNoticeView } from '@xiangli/shared'
import { OrgDirectory } from '../../../core/access/org-directory'
import { Viewer } from '../../../core/access/viewer'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { DeliberationStore, meetingDay } from '../deliberation-store'
import type { Deliberation } from '../entities/deliberation.entity'
import type { DeliberationMeeting } from '../entities/meeting.entity'
import { readsPaperNotice } from '../meeting-notices.policy'
import { paperNoticeView } from '../meeting-notices.presenter'
import { MeetingNoticesRepository } from '../meeting-notices.repository'
import { FILES_OF_PAPER_NOTICE, shortName } from '../meeting-notices.rules'
import { NextActors } from '../next-actors'

/**
 * The paper notice of a meeting: the 两委 record it with photos when they schedule the meeting, a
 * supervision-committee member confirms it against the photos, once, and the meeting page shows it.
 */
@Injectable()
export class MeetingNoticePaper implements OnModuleInit {
  constructor(
    private readonly repo: MeetingNoticesRepository,
    private readonly store: DeliberationStore,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly notify: NotifyService,
    private readonly nextActors: NextActors,
    private readonly orgs: OrgDirectory,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // the photos of a paper notice: whoever may read the meeting (anyone of the village, the township)
    this.files.registerAccess(FILES_OF_PAPER_NOTICE, async (p, file) => {
      const meeting = await this.repo.meetingById(file.attachedId ?? 0)
      return meeting !== null && (await readsPaperNotice(new Viewer(p, this.orgs), meeting.villageId))
    })
  }

  /**
   * Records the paper notice of a meeting just scheduled (the shared rules checked its time): its
   * photos are attached, and the supervision committee is asked to confirm it.
   */
  async record(
    m: EntityManager,
    a: ActingContext,
    d: Deliberation,
    meeting: DeliberationMeeting,
    paper: { postedAt: Date; photoIds: number[] },
  ): Promise<void> {
    await this.repo.updateMeeting(m, meeting.id, {
      paperNoticeAt: paper.postedAt,
      paperNoticeByAccountId: a.principal.accountId,
      paperNoticeByName: shortName(a.principal.displayName),
    })
    const attached = await this.files.attach(
      m,
      paper.photoIds,
      { villageId: d.villageId, accountId: a.principal.accountId },
      { type: FILES_OF_PAPER_NOTICE, id: meeting.id },
    )
    if (!attached) throw new AppException('DELIBERATION_FILE_INVALID')
    await this.audit.append(m, {
      actor: a.actor,
      action: 'deliberation.paper_notice_recorded',
      orgId: d.villageId,
      targetType: 'deliberation_meeting',
      targetId: meeting.id,
      after: { postedAt: paper.postedAt.toISOString(), photoIds: paper.photoIds },
    })
    const supervisors = (await this.nextActors.holders(m, d.villageId))
      .filter((h) => h.role === 'supervisor' && h.accountId !== null && h.accountId !== a.principal.accountId)
      .map((h) => h.accountId!)
    await this.notify.notify(m, {
      accountIds: supervisors,
      orgId: d.villageId,
      kind: 'deliberation.paper_notice_recorded',
      title: '请确认纸质会议通知',
      body: `「${d.title}」的${DELIBERATION_BODY_LABELS[meeting.body]}登记了${meetingDay(paper.postedAt)}张贴的纸质通知，请对照照片确认。`,
      link: deliberationMeetingPage(d.id, meeting.id),
    })
  }

  /** A supervision-committee member confirms the paper notice against its photos, once. */
  async confirm(a: ActingContext, id: number, meetingId: number): Promise<void> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      const meeting = await this.store.meeting(m, d, meetingId, true)
      if (meeting.status === 'lapsed') throw new AppException('DELIBERATION_MEETING_LAPSED')
      if (meeting.status !== 'scheduled') throw new AppException('DELIBERATION_MEETING_IN_SESSION')
      if (!meeting.paperNoticeAt) throw new AppException('DELIBERATION_PAPER_NOTICE_MISSING')
      if (meeting.paperNoticeConfirmedAt) throw new AppException('DELIBERATION_PAPER_NOTICE_CONFIRMED')
      if (meeting.paperNoticeByAccountId === a.principal.accountId)
        throw new AppException('DELIBERATION_PAPER_NOTICE_OWN')
      const now = this.clock.now()
      const confirmed = await this.repo.confirmPaperNotice(m, meeting.id, {
        paperNoticeConfirmedAt: now,
        paperNoticeConfirmedByAccountId: a.principal.accountId,
        paperNoticeConfirmedByName: shortName(a.principal.displayName),
      })
      if (!confirmed) throw new AppException('DELIBERATION_PAPER_NOTICE_CONFIRMED')
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.paper_notice_confirmed',
        orgId: d.villageId,
        targetType: 'deliberation_meeting',
        targetId: meeting.id,
        after: { postedAt: meeting.paperNoticeAt.toISOString(), confirmedAt: now.toISOString() },
      })
      await this.notify.notify(m, {
        accountIds: [meeting.paperNoticeByAccountId, meeting.scheduledByAccountId].filter(
          (x): x is number => x !== null,
        ),
        orgId: d.villageId,
        kind: 'deliberation.paper_notice_confirmed',
        title: '纸质会议通知已确认',
        body: `「${d.title}」的${DELIBERATION_BODY_LABELS[meeting.body]}的纸质通知已由监督委员会确认，通知时间按${meetingDay(meeting.paperNoticeAt)}计算。`,
        link: deliberationMeetingPage(d.id, meeting.id),
      })
    })
  }

  /** The paper notice of a meeting as the meeting page shows it, with its photos. */
  async view(meeting: DeliberationMeeting): Promise<PaperNoticeView | null> {
    if (!meeting.paperNoticeAt) return null
    const photos = await this.repo.paperNoticePhotos(meeting.id)
    return paperNoticeView(meeting, photos, (fileId) => this.files.signedUrl(fileId))
  }
}
