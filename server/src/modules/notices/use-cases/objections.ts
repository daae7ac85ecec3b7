import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  canObject,
  effectiveNoticeState,
  noticePage,
  objectionDueAt,
  type ObjectionAnswer,
  type ObjectionCreate,
  type ObjectionView,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { ContentCheckService } from '../../content-check/content-check.service'
import { ProxyGate } from '../../proxy/proxy-gate'
import { RosterDirectory } from '../../roster/roster-directory'
import type { NoticeObjection } from '../entities/notice-objection.entity'
import { mustBeObjector } from '../notices.policy'
import { FILES_OF_OBJECTION, excerpt, name30, needObjection, replyDays } from '../notices.rules'
import { ObjectionsRepository } from '../objections.repository'
import { NoticeSteps } from './notice-steps'
import { ObjectionReads } from './objection-reads'

/**
 * 异议: a resident objects during the publicity period; the 两委 answer within the village's limit (15
 * days by default, fixed when the objection is submitted); the objector accepts the answer or takes it to
 * the township, as they may an objection left unanswered past its limit (Art 31).
 */
@Injectable()
export class Objections {
  constructor(
    private readonly repo: ObjectionsRepository,
    private readonly steps: NoticeSteps,
    private readonly reads: ObjectionReads,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly roster: RosterDirectory,
    private readonly clock: Clock,
    private readonly proxy: ProxyGate,
    private readonly checks: ContentCheckService,
  ) {}

  /** A resident objects; with `onBehalf`, someone who may act for them (代办) objects as theirs, with their consent. */
  async object(a: ActingContext, id: number, body: ObjectionCreate): Promise<ObjectionView> {
    const village = await this.steps.village(a.villageId)
    const filing = body.onBehalf ? await this.proxy.check(a, body.onBehalf) : null
    const objector = filing
      ? {
          accountId: filing.owner.accountId,
          residentId: filing.owner.residentId,
          name: name30(filing.owner.name),
        }
      : {
          accountId: a.viewer.accountId,
          residentId: a.viewer.residentIdIn(a.villageId),
          name: await this.callerName(a),
        }
    const actor = filing ? filing.actor : a.actor
    const oid = await this.tx.run(async (m) => {
      const n = await this.steps.found(m, a.villageId, id)
      // not yet past the content check: not there for residents, nor objected to for them
      if (n.state !== 'draft' && n.moderation !== 'shown') throw new AppException('NOT_FOUND')
      const now = this.clock.now()
      const allowed = canObject(
        {
          state: effectiveNoticeState(n.state, n.periodEnd, now),
          period: n.periodStart && n.periodEnd ? { start: n.periodStart, end: n.periodEnd } : null,
        },
        now,
      )
      if (!allowed.ok) throw new AppException(allowed.code)
      const o = await this.repo.insert(m, {
        noticeId: n.id,
        villageId: n.villageId,
        objectorAccountId: objector.accountId,
        objectorResidentId: objector.residentId,
        objectorName: objector.name,
        proxy: filing?.record ?? null,
        text: body.text,
        photoIds: body.photoIds,
        state: 'submitted',
        submittedAt: now,
        dueAt: objectionDueAt(now, replyDays(village)),
        answer: null,
        answerPhotoIds: null,
        answeredAt: null,
        answeredByAccountId: null,
        answeredByName: null,
        acceptedAt: null,
        escalationReason: null,
        escalatedAt: null,
        townshipAnswer: null,
        townshipAnsweredAt: null,
        townshipAnsweredByName: null,
        moderation: this.checks.initial(),
        answerModeration: null,
      })
      await this.attachPhotos(m, a, o, body.photoIds)
      await this.checks.submit(m, {
        kind: 'objection',
        itemId: o.id,
        parentId: n.id,
        villageId: o.villageId,
        authorAccountId: a.viewer.accountId,
        text: body.text,
        fileIds: body.photoIds,
      })
      await this.record(m, actor, 'notice.objection_submitted', o, undefined, {
        noticeId: n.id,
        state: o.state,
        dueAt: o.dueAt,
      })
      if (filing) {
        await this.proxy.recordFiled(m, filing, 'objection', { type: 'notice_objection', id: o.id })
        await this.steps.tell(m, await this.steps.objector(m, o), {
          orgId: a.villageId,
          kind: 'notice.objection',
          title: `${filing.record.name}为您代办了对公告的异议`,
          body: n.title,
          link: noticePage('resident', n.id),
        })
      }
      await this.steps.tellHolders(m, {
        orgId: a.villageId,
        kind: 'notice.objection',
        title: '公告收到异议，请在期限内答复',
        body: n.title,
        link: noticePage('committee', n.id),
      })
      return o.id
    })
    await this.checks.settle('objection', oid)
    return this.reads.one(a, oid)
  }

  /** The 两委 answer, once; the route lets no one else in (NOTICE_REPLY_NOT_ALLOWED). */
  async answer(a: ActingContext, oid: number, body: ObjectionAnswer): Promise<ObjectionView> {
    await this.inVillage(a.villageId, oid, async (m, o) => {
      const now = this.clock.now()
      const before = { state: o.state }
      Object.assign(o, {
        state: needObjection(o, 'answer', now),
        answer: body.text,
        answerPhotoIds: body.photoIds,
        answeredAt: now,
        answeredByAccountId: a.viewer.accountId,
        answeredByName: name30(a.viewer.name),
        answerModeration: this.checks.initial(),
      })
      await this.repo.save(m, o)
      await this.attachPhotos(m, a, o, body.photoIds)
      await this.checks.submit(m, {
        kind: 'objection_answer',
        itemId: o.id,
        parentId: o.noticeId,
        villageId: o.villageId,
        authorAccountId: a.viewer.accountId,
        text: body.text,
        fileIds: body.photoIds,
      })
      await this.record(m, a.actor, 'notice.objection_answered', o, before, {
        state: o.state,
        answer: body.text,
      })
      await this.steps.tell(m, await this.steps.objector(m, o), {
        orgId: a.villageId,
        kind: 'notice.objection_answered',
        title: '您对公告提出的异议有了答复',
        body: excerpt(body.text, 40),
        link: noticePage('resident', o.noticeId),
      })
    })
    await this.checks.settle('objection_answer', oid)
    return this.reads.one(a, oid)
  }

  accept(a: ActingContext, oid: number): Promise<ObjectionView> {
    return this.objectorMove(a, oid, 'accept', null)
  }

  escalate(a: ActingContext, oid: number, reason: string): Promise<ObjectionView> {
    return this.objectorMove(a, oid, 'escalate', reason)
  }

  private async objectorMove(
    a: ActingContext,
    oid: number,
    event: 'accept' | 'escalate',
    reason: string | null,
  ): Promise<ObjectionView> {
    const village = await this.steps.village(a.villageId)
    await this.inVillage(a.villageId, oid, async (m, o) => {
      mustBeObjector(a.viewer, o)
      const now = this.clock.now()
      const before = { state: o.state }
      o.state = needObjection(o, event, now)
      if (event === 'accept') o.acceptedAt = now
      else {
        o.escalationReason = reason
        o.escalatedAt = now
      }
      await this.repo.save(m, o)
      const action = event === 'accept' ? 'notice.objection_accepted' : 'notice.objection_escalated'
      await this.record(m, a.actor, action, o, before, { state: o.state, reason })
      if (event === 'escalate')
        await this.steps.tellHolders(
          m,
          {
            orgId: village.parentId,
            kind: 'notice.objection_escalated',
            title: `${village.name}有村民对公告的答复不满意，反映到乡镇`,
            body: excerpt(reason ?? '', 40),
            link: noticePage('township', o.noticeId),
          },
          ['township_official'],
        )
    })
    return this.reads.one(a, oid)
  }

  private inVillage(
    villageId: number,
    oid: number,
    work: (m: EntityManager, o: NoticeObjection) => Promise<void>,
  ): Promise<void> {
    return this.tx.run(async (m) => {
      const o = await this.repo.find(villageId, oid, m, true)
      if (!o) throw new AppException('NOT_FOUND')
      await work(m, o)
    })
  }

  private async attachPhotos(
    m: EntityManager,
    a: ActingContext,
    o: NoticeObjection,
    ids: number[],
  ): Promise<void> {
    const owner = { villageId: a.villageId, accountId: a.viewer.accountId }
    if (!(await this.files.attach(m, ids, owner, { type: FILES_OF_OBJECTION, id: o.id })))
      throw new AppException('OBJECTION_PHOTO_INVALID')
  }

  private async record(
    m: EntityManager,
    actor: Actor,
    action: string,
    o: NoticeObjection,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await this.audit.append(m, {
      actor,
      action,
      orgId: o.villageId,
      targetType: 'notice_objection',
      targetId: o.id,
      ...(before !== undefined ? { before } : {}),
      after,
    })
  }

  /** The objector's name as the roster has it, else their account's. */
  private async callerName(a: ActingContext): Promise<string> {
    const residentId = a.viewer.residentIdIn(a.villageId)
    const person = residentId ? await this.roster.person(a.villageId, residentId) : null
    return name30(person?.name ?? a.viewer.name)
  }
}
