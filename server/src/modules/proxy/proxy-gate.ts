import { Injectable, type OnModuleInit } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import {
  OVERSIGHT_ROLES,
  checkConsent,
  proxyAs,
  proxyStanding,
  type OnBehalf,
  type ProxyKind,
  type ProxyRecord,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../core/audit/audit.service'
import type { ActingContext } from '../../core/auth/current.decorator'
import { hasRoleIn } from '../../core/auth/principal'
import { Clock } from '../../core/clock/clock'
import { AppException } from '../../core/errors/app.exception'
import { FilesService } from '../../core/files/files.service'
import { OrgsService } from '../orgs/orgs.service'
import { RosterDirectory } from '../roster/roster-directory'

/** Photos of signed consent forms: attached under the resident's roster id. */
export const FILES_OF_CONSENT = 'proxy_consent'

/** Whose item it is when someone files it for them. */
export interface ProxyOwner {
  residentId: number
  /** null while the resident has never logged in; their lists find the item by roster id */
  accountId: number | null
  name: string
}

/** A filing for someone, checked: whose it is, who acted, what the item keeps. */
export interface ProxyFiling {
  villageId: number
  owner: ProxyOwner
  /** the acting person, as the audit trail and the timeline name them */
  actor: Actor
  record: ProxyRecord
}

/**
 * 代办: decides whether the caller may file for the resident they chose (a role that carries
 * `act_for_residents`, or a household member where the village allows it; never oneself, only
 * someone on this village's roster) and whether the resident's consent is there, then keeps the
 * consent photo and the audit line. The feature's own use case writes the item itself.
 */
@Injectable()
export class ProxyGate implements OnModuleInit {
  constructor(
    private readonly roster: RosterDirectory,
    private readonly orgs: OrgsService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // the signed form is seen by whoever took it, the village's overseers and the resident
    this.files.registerAccess(FILES_OF_CONSENT, (p, file) =>
      Promise.resolve(
        hasRoleIn(p, file.villageId, OVERSIGHT_ROLES) !== null ||
          p.residentIn.get(file.villageId) === file.attachedId,
      ),
    )
  }

  async check(a: ActingContext, onBehalf: OnBehalf): Promise<ProxyFiling> {
    const village = await this.orgs.village(a.villageId)
    const target = await this.roster.standing(a.villageId, onBehalf.residentId)
    if (!target) throw new AppException('PROXY_RESIDENT_NOT_FOUND')
    const ownId = a.viewer.residentIdIn(a.villageId)
    const own = ownId !== null ? await this.roster.standing(a.villageId, ownId) : null
    const may = proxyStanding(
      { roles: a.viewer.rolesIn(a.villageId), residentId: ownId, householdId: own?.householdId ?? null },
      { residentId: target.id, householdId: target.householdId },
      village.settings,
    )
    if (!may.ok) throw new AppException(may.code)
    const consent = checkConsent(onBehalf.consent, target.name)
    if (!consent.ok) throw new AppException(consent.code)
    const c = consent.consent
    const person = await this.roster.person(a.villageId, target.id)
    const name = Array.from(own?.name ?? a.viewer.name)
      .slice(0, 30)
      .join('')
    return {
      villageId: a.villageId,
      owner: { residentId: target.id, accountId: person?.accountId ?? null, name: target.name },
      actor: {
        accountId: a.viewer.accountId,
        name,
        role: may.standing.kind === 'role' ? may.standing.role : 'resident',
      },
      record: {
        accountId: a.viewer.accountId,
        name,
        as: proxyAs(may.standing),
        standing: may.standing,
        consent: {
          kind: c.kind,
          at: this.clock.now().toISOString(),
          photoId: c.kind === 'paper' ? c.photoId : null,
          typedName: c.kind === 'on_device' ? c.typedName.trim() : null,
        },
      },
    }
  }

  /** In the item's transaction: the consent photo is kept with the resident, and the trail says who acted for whom. */
  async recordFiled(
    m: EntityManager,
    f: ProxyFiling,
    kind: ProxyKind,
    item: { type: string; id: number },
  ): Promise<void> {
    const photoId = f.record.consent.photoId
    if (photoId !== null) {
      const ok = await this.files.attach(
        m,
        [photoId],
        { villageId: f.villageId, accountId: f.record.accountId },
        { type: FILES_OF_CONSENT, id: f.owner.residentId },
      )
      if (!ok) throw new AppException('PROXY_CONSENT_PHOTO_INVALID')
    }
    await this.audit.append(m, {
      actor: f.actor,
      action: 'proxy.filed',
      orgId: f.villageId,
      targetType: item.type,
      targetId: item.id,
      after: {
        kind,
        residentId: f.owner.residentId,
        residentName: f.owner.name,
        as: f.record.as,
        standing: f.record.standing.kind,
        consent: f.record.consent,
      },
    })
  }
}
