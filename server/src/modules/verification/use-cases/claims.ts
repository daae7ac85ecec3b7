import { Injectable } from '@nestjs/common'
import {
  COMMITTEE_ROLES,
  isValidPhone,
  maskIdNumber,
  parseIdNumber,
  type VerificationRequest as ClaimBody,
  type VerificationView,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import { actorOf } from '../../../core/auth/current.decorator'
import type { Principal } from '../../../core/auth/principal'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { NotifyService } from '../../inbox/notify.service'
import { OrgsService } from '../../orgs/orgs.service'
import { PrivacyConsents } from '../../privacy/privacy-consents'
import { RoleHolders } from '../../roles/role-holders'
import { RosterDirectory } from '../../roster/roster-directory'
import { VerificationRepository } from '../verification.repository'
import { AUTO_CONFIRMER, COMMITTEE_QUEUE_PAGE, snapshot } from '../verification.rules'
import { ClaimDecisions } from './claim-decisions'
import { ClaimReads } from './claim-reads'

/**
 * 实名认证: an account claims a person on a village's roster by their name, ID number and phone. The
 * claim waits for the 两委, or confirms itself where the village allows it and everything matches.
 * A roster person has at most one pending claim: a second account's claim is refused, and the 两委
 * sort it out in person.
 */
@Injectable()
export class Claims {
  constructor(
    private readonly repo: VerificationRepository,
    private readonly decisions: ClaimDecisions,
    private readonly reads: ClaimReads,
    private readonly orgs: OrgsService,
    private readonly roster: RosterDirectory,
    private readonly roles: RoleHolders,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly tx: TxService,
    private readonly consents: PrivacyConsents,
  ) {}

  async claim(p: Principal, body: ClaimBody): Promise<VerificationView> {
    // an ID number is taken only after its own consent, given right before it is typed
    await this.consents.mustHaveIdNumberConsent(p.accountId)
    const village = await this.orgs.village(body.villageId)
    const id = parseIdNumber(body.idNumber)
    if ('problem' in id) throw new AppException('ID_NUMBER_INVALID')
    if (!isValidPhone(body.phone)) throw new AppException('PHONE_INVALID')
    const sealed = this.crypto.sealPhone(body.phone)
    if (p.residentIn.has(village.id)) throw new AppException('VERIFICATION_ALREADY_DONE')

    const created = await this.tx.run(async (m) => {
      if (await this.repo.hasPendingOf(m, p.accountId, village.id))
        throw new AppException('VERIFICATION_PENDING')
      const person = await this.roster.personByIdNumber(village.id, id.value, m)
      if (!person || person.name !== body.name.trim()) throw new AppException('VERIFICATION_NO_MATCH')
      if (person.accountId !== null && person.accountId !== p.accountId)
        throw new AppException('RESIDENT_ALREADY_LINKED')
      // someone else's claim on the same person is waiting: the committee decides one at a time
      if (await this.repo.hasPendingOn(m, person.id)) throw new AppException('RESIDENT_CLAIM_PENDING')
      const request = await this.repo.insertClaim(m, {
        accountId: p.accountId,
        villageId: village.id,
        residentId: person.id,
        pendingResidentId: person.id,
        name: person.name,
        idNumberEnc: this.crypto.encrypt(id.value),
        idNumberMasked: maskIdNumber(id.value),
        phoneEnc: sealed.phoneEnc,
        phoneMasked: sealed.phoneMasked,
        state: 'pending',
        reason: null,
        decidedByAccountId: null,
        decidedAt: null,
      })
      // a claim made at the same instant got in first: as if this one had come second
      if (!request) throw new AppException('RESIDENT_CLAIM_PENDING')
      await this.audit.append(m, {
        actor: actorOf(p),
        action: 'verification.submitted',
        orgId: village.id,
        targetType: 'verification',
        targetId: request.id,
        after: snapshot(request),
      })
      // matched by the keyed hashes: neither side's number is decrypted
      const exact = person.phoneHash !== null && person.phoneHash === sealed.phoneHash
      if (exact && village.settings!.verification.autoConfirmExactMatch)
        return this.decisions.decide(m, request, 'confirm', null, AUTO_CONFIRMER)
      await this.notify.notify(m, {
        accountIds: await this.roles.accountsHolding(village.id, COMMITTEE_ROLES, m),
        orgId: village.id,
        kind: 'verification.submitted',
        title: '有新的实名认证待确认',
        body: `${person.name} 申请认证为${village.name}居民，请核对后确认。`,
        link: COMMITTEE_QUEUE_PAGE,
      })
      return request
    })
    return (await this.reads.views([created]))[0]!
  }
}
