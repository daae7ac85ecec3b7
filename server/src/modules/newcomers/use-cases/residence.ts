import { Injectable, type OnModuleInit } from '@nestjs/common'
import {
  admissionRule,
  beijingDate,
  movedInRule,
  residenceSettingsOf,
  type AdmissionRequest,
  type ResidenceSettings,
  type ResidentView,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import type { residenceChangeSchema } from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { OrgsService } from '../../orgs/orgs.service'
import { RosterDirectory, type ResidencePatch, type RosterResidence } from '../../roster/roster-directory'
import { RosterReads } from '../../roster/use-cases/roster-reads'
import { maySeeResidenceProof } from '../newcomers.policy'
import { FILES_OF_RESIDENCE } from '../newcomers.rules'

type ResidenceChange = z.output<typeof residenceChangeSchema>

/** What the audit digests see of a residence. */
const residenceOf = (r: Omit<RosterResidence, 'id'>) => ({
  residency: r.residency,
  residentSince: r.residentSince,
  proofFileId: r.proofFileId,
  takesPartOn: r.takesPartOn,
  admissionBody: r.admissionBody,
  admissionRef: r.admissionRef,
  admittedOn: r.admittedOn,
})

/**
 * The 两委 keep each person's residence on the roster: the status with its day and proof, the
 * declaration of a villager living away that they take part, and the meeting decision admitting a
 * newcomer to the vote (Art 13); and the village's choice whether admitted newcomers vote on other
 * matters too. Every change is audited with what it was before.
 */
@Injectable()
export class ResidenceKeeping implements OnModuleInit {
  constructor(
    private readonly roster: RosterDirectory,
    private readonly rosterReads: RosterReads,
    private readonly orgs: OrgsService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly tx: TxService,
  ) {}

  onModuleInit(): void {
    this.files.registerAccess(FILES_OF_RESIDENCE, async (p, file) =>
      maySeeResidenceProof(p, file.villageId, file.attachedId ?? 0),
    )
  }

  private today(): string {
    return beijingDate(this.clock.now())
  }

  async setResidence(a: ActingContext, id: number, body: ResidenceChange): Promise<ResidentView> {
    if (body.residency === 'non_registered' && body.since === null)
      throw new AppException('NEWCOMER_SINCE_REQUIRED')
    if (body.since !== null) {
      const refusal = movedInRule(body.since, this.today())
      if (refusal) throw new AppException(refusal)
    }
    return this.change(a, id, 'resident.residence_changed', async (m, r) => {
      if (body.proofFileId !== null) {
        const attached = await this.files.attach(
          m,
          [body.proofFileId],
          { villageId: a.villageId, accountId: a.actor.accountId ?? 0 },
          { type: FILES_OF_RESIDENCE, id: r.id },
        )
        if (!attached) throw new AppException('NEWCOMER_PROOF_INVALID')
      }
      return {
        residency: body.residency,
        residentSince: body.since,
        proofFileId: body.proofFileId ?? r.proofFileId,
        // a declaration belongs to living away, an admission to living here unregistered
        takesPartOn: body.residency === 'registered_away' ? r.takesPartOn : null,
        ...(body.residency === 'non_registered'
          ? {}
          : { admissionBody: null, admissionRef: null, admittedOn: null }),
      }
    })
  }

  setTakesPart(a: ActingContext, id: number, takesPart: boolean): Promise<ResidentView> {
    return this.change(a, id, 'resident.takes_part_recorded', (_m, r) => {
      if (r.residency !== 'registered_away') throw new AppException('NEWCOMER_NOT_AWAY')
      return Promise.resolve({ takesPartOn: takesPart ? (r.takesPartOn ?? this.today()) : null })
    })
  }

  admit(a: ActingContext, id: number, body: Required<AdmissionRequest>): Promise<ResidentView> {
    return this.change(a, id, 'resident.admitted', (_m, r) => {
      const refusal = admissionRule({
        residency: r.residency,
        residentSince: r.residentSince,
        decidedOn: body.decidedOn,
        today: this.today(),
      })
      if (refusal) throw new AppException(refusal)
      return Promise.resolve({
        admissionBody: body.body,
        admissionRef: body.decisionRef.trim(),
        admittedOn: body.decidedOn,
      })
    })
  }

  withdrawAdmission(a: ActingContext, id: number): Promise<ResidentView> {
    return this.change(a, id, 'resident.admission_withdrawn', (_m, r) => {
      if (r.admittedOn === null) throw new AppException('NEWCOMER_ADMISSION_NOT_NEEDED')
      return Promise.resolve({ admissionBody: null, admissionRef: null, admittedOn: null })
    })
  }

  private async change(
    a: ActingContext,
    id: number,
    action: string,
    patchOf: (m: EntityManager, r: RosterResidence) => Promise<ResidencePatch>,
  ): Promise<ResidentView> {
    await this.tx.run(async (m) => {
      const r = await this.roster.residence(a.villageId, id, m)
      if (!r) throw new AppException('NOT_FOUND')
      const before = residenceOf(r)
      const patch = await patchOf(m, r)
      await this.roster.setResidence(m, r.id, patch)
      await this.audit.append(m, {
        actor: a.actor,
        action,
        orgId: a.villageId,
        targetType: 'resident',
        targetId: r.id,
        before,
        after: residenceOf({ ...r, ...patch }),
      })
    })
    const view = await this.rosterReads.one(a.viewer, a.villageId, id)
    if (!view) throw new AppException('NOT_FOUND')
    return view
  }

  async settings(villageId: number): Promise<ResidenceSettings> {
    return residenceSettingsOf((await this.orgs.village(villageId)).settings)
  }

  async saveSettings(a: ActingContext, next: ResidenceSettings): Promise<ResidenceSettings> {
    const village = await this.orgs.village(a.villageId)
    await this.tx.run(async (m) => {
      const before = residenceSettingsOf(village.settings)
      await this.orgs.saveSettingsIn(m, village.id, { ...village.settings!, residence: next })
      await this.audit.append(m, {
        actor: a.actor,
        action: 'village.residence_settings_updated',
        orgId: village.id,
        targetType: 'org',
        targetId: village.id,
        before,
        after: next,
      })
    })
    return this.settings(a.villageId)
  }
}
