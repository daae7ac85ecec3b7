import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { COMMITTEE_ROLES, type Role } from '@xiangli/shared'
import { AuditService, type Actor } from '../../../core/audit/audit.service'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { OrgsService } from '../../orgs/orgs.service'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import type { PublicNotice } from '../entities/public-notice.entity'
import type { NoticeObjection } from '../entities/notice-objection.entity'
import { NoticesRepository } from '../notices.repository'
import { FILES_OF_NOTICE, snapshot } from '../notices.rules'

/** A village or community with its settings, as OrgsService gives it. */
export type Village = Awaited<ReturnType<OrgsService['village']>>

/** Who is told: the accounts, and what they read in their inbox. */
export interface Message {
  orgId: number | null
  kind: string
  title: string
  body: string
  link: string
}

/**
 * What every change of a notice goes through: the notice read and locked in one transaction, its audit
 * entry, its files, and the people told about it.
 */
@Injectable()
export class NoticeSteps {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly files: FilesService,
    private readonly orgs: OrgsService,
    private readonly roles: RoleHolders,
    private readonly roster: RosterDirectory,
  ) {}

  village(villageId: number): Promise<Village> {
    return this.orgs.village(villageId)
  }

  /** Runs `work` on the village's notice, locked, in one transaction; NOT_FOUND when it has none by that id. */
  inVillage<T>(
    villageId: number,
    id: number,
    work: (m: EntityManager, n: PublicNotice) => Promise<T>,
  ): Promise<T> {
    return this.tx.run(async (m) => work(m, await this.found(m, villageId, id, true)))
  }

  async found(m: EntityManager, villageId: number, id: number, lock = false): Promise<PublicNotice> {
    const n = await this.repo.find(villageId, id, m, lock)
    if (!n) throw new AppException('NOT_FOUND')
    return n
  }

  /** The audit entry of a change of the notice, with what it was before. */
  async record(
    m: EntityManager,
    actor: Actor,
    action: string,
    n: PublicNotice,
    before?: ReturnType<typeof snapshot>,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.append(m, {
      actor,
      action,
      orgId: n.villageId,
      targetType: 'public_notice',
      targetId: n.id,
      ...(before ? { before } : {}),
      after: { ...snapshot(n), ...extra },
    })
  }

  /** Files already on this notice may stay; new ones must be the caller's own unattached uploads. */
  async attachFiles(
    m: EntityManager,
    owner: { villageId: number; accountId: number },
    noticeId: number,
    ids: number[],
  ): Promise<void> {
    if (ids.length === 0) return
    const onNotice = await this.repo.filesOnNotice(m, ids, noticeId)
    const fresh = ids.filter((id) => !onNotice.includes(id))
    if (!(await this.files.attach(m, fresh, owner, { type: FILES_OF_NOTICE, id: noticeId })))
      throw new AppException('NOTICE_ATTACHMENT_INVALID')
  }

  /** Tells the residents a published notice reaches: the village, or its group, who use the app. */
  async tellAudience(m: EntityManager, n: PublicNotice, msg: Omit<Message, 'orgId'>): Promise<void> {
    const accountIds = await this.roster.accountsOf(n.villageId, n.audienceGroupId, m)
    await this.notify.notify(m, { ...msg, orgId: n.villageId, accountIds })
  }

  /** The accounts holding these roles in an organisation (the 两委 by default). */
  holders(m: EntityManager, orgId: number, roles: readonly Role[] = COMMITTEE_ROLES): Promise<number[]> {
    return this.roles.accountsHolding(orgId, roles, m)
  }

  /** Tells the holders of these roles in the message's organisation (the 两委 by default); none without one. */
  async tellHolders(m: EntityManager, msg: Message, roles: readonly Role[] = COMMITTEE_ROLES): Promise<void> {
    if (msg.orgId === null) return
    await this.tell(m, await this.holders(m, msg.orgId, roles), msg)
  }

  /** The objector's account: the one that objected, or the one the roster person it was filed for (代办) logs in with. */
  async objector(
    m: EntityManager,
    o: Pick<NoticeObjection, 'villageId' | 'objectorAccountId' | 'objectorResidentId'>,
  ): Promise<number[]> {
    if (o.objectorAccountId !== null) return [o.objectorAccountId]
    if (o.objectorResidentId === null) return []
    const p = await this.roster.person(o.villageId, o.objectorResidentId, m)
    return p?.accountId != null ? [p.accountId] : []
  }

  async tell(m: EntityManager, accountIds: number[], msg: Message): Promise<void> {
    await this.notify.notify(m, { ...msg, accountIds })
  }
}
