import { Injectable, type OnModuleInit } from '@nestjs/common'
import {
  beijingDate,
  COMMITTEE_ROLES,
  isValidPhone,
  maskIdNumber,
  movedInRule,
  parseIdNumber,
  type NewcomerApplicationView,
  type NewcomerApply,
  type StoredFileView,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import { actorOf } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { Clock } from '../../../core/clock/clock'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import type { UploadedFile } from '../../../core/http/upload.decorator'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { OrgsService } from '../../orgs/orgs.service'
import { PrivacyConsents } from '../../privacy/privacy-consents'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import { maySeeApplication } from '../newcomers.policy'
import { NewcomersRepository } from '../newcomers.repository'
import {
  COMMITTEE_QUEUE_PAGE,
  FILES_OF_APPLICATION,
  MY_APPLICATIONS_SHOWN,
  pendingKeyOf,
  snapshot,
} from '../newcomers.rules'
import { ApplicationReads } from './application-reads'

/**
 * 申请登记: someone who lives in the village, registered elsewhere, asks to be put on its roster as a
 * 非户籍常住 resident with the day they moved in and a photo of the proof of address. Someone already
 * on the roster is sent to 实名认证 instead; one person has one application pending at a time.
 */
@Injectable()
export class Applications implements OnModuleInit {
  constructor(
    private readonly repo: NewcomersRepository,
    private readonly reads: ApplicationReads,
    private readonly orgs: OrgsService,
    private readonly roster: RosterDirectory,
    private readonly roles: RoleHolders,
    private readonly files: FilesService,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly consents: PrivacyConsents,
    private readonly clock: Clock,
    private readonly tx: TxService,
  ) {}

  onModuleInit(): void {
    this.files.registerAccess(FILES_OF_APPLICATION, async (p, file) => {
      const a = await this.repo.findById(file.attachedId ?? 0)
      return a !== null && maySeeApplication(p, a)
    })
  }

  /** A proof photo sent before the application, kept under the village the person applies to. */
  async uploadProof(p: Principal, villageId: number, upload: UploadedFile): Promise<StoredFileView> {
    const village = await this.orgs.village(villageId)
    return this.files.storePhoto(village.id, p.accountId, upload)
  }

  async apply(p: Principal, body: NewcomerApply): Promise<NewcomerApplicationView> {
    // an ID number is taken only after its own consent, given right before it is typed
    await this.consents.mustHaveIdNumberConsent(p.accountId)
    const village = await this.orgs.village(body.villageId)
    const id = parseIdNumber(body.idNumber)
    if ('problem' in id) throw new AppException('ID_NUMBER_INVALID')
    if (!isValidPhone(body.phone)) throw new AppException('PHONE_INVALID')
    const refusal = movedInRule(body.movedInOn, beijingDate(this.clock.now()))
    if (refusal) throw new AppException(refusal)
    if (p.residentIn.has(village.id)) throw new AppException('NEWCOMER_ALREADY_ON_ROSTER')
    const sealed = this.crypto.sealPhone(body.phone)
    const pendingKey = pendingKeyOf(village.id, this.crypto.blindIndex(id.value))

    const created = await this.tx.run(async (m) => {
      if (await this.roster.personByIdNumber(village.id, id.value, m))
        throw new AppException('NEWCOMER_ALREADY_ON_ROSTER')
      if (
        (await this.repo.hasPendingOf(m, p.accountId, village.id)) ||
        (await this.repo.hasPendingKey(m, pendingKey))
      )
        throw new AppException('NEWCOMER_PENDING')
      const a = await this.repo.insert(m, {
        accountId: p.accountId,
        villageId: village.id,
        name: body.name,
        idNumberEnc: this.crypto.encrypt(id.value),
        idNumberMasked: maskIdNumber(id.value),
        pendingKey,
        phoneEnc: sealed.phoneEnc!,
        phoneMasked: sealed.phoneMasked!,
        address: body.address,
        movedInOn: body.movedInOn,
        proofFileIds: [...new Set(body.proofFileIds)],
        state: 'pending',
        reason: null,
        residentId: null,
        decidedByAccountId: null,
        decidedAt: null,
      })
      // the same person's application made at the same instant got in first
      if (!a) throw new AppException('NEWCOMER_PENDING')
      const attached = await this.files.attach(
        m,
        a.proofFileIds,
        { villageId: village.id, accountId: p.accountId },
        { type: FILES_OF_APPLICATION, id: a.id },
      )
      if (!attached) throw new AppException('NEWCOMER_PROOF_INVALID')
      await this.audit.append(m, {
        actor: actorOf(p),
        action: 'newcomer.applied',
        orgId: village.id,
        targetType: 'newcomer_application',
        targetId: a.id,
        after: snapshot(a),
      })
      await this.notify.notify(m, {
        accountIds: await this.roles.accountsHolding(village.id, COMMITTEE_ROLES, m),
        orgId: village.id,
        kind: 'newcomer.applied',
        title: '有新的常住居民登记申请',
        body: `${a.name} 申请登记为${village.name}的非户籍常住居民，请核对住址证明后处理。`,
        link: COMMITTEE_QUEUE_PAGE,
      })
      return a
    })
    return (await this.reads.views([created]))[0]!
  }

  mine(p: Principal): Promise<NewcomerApplicationView[]> {
    return this.reads.mine(p.accountId, MY_APPLICATIONS_SHOWN)
  }
}
