import { Injectable } from '@nestjs/common'
import {
  buildProcedure,
  defaultProcedureSettings,
  defaultVillageSettings,
  startDeliberation,
  type DeliberationCreate,
  type DeliberationSettings,
  type DeliberationSettingsRequest,
  type DeliberationView,
  type RejectDeliberationRequest,
} from '@xiangli/shared'
import type { EntityManager } from 'typeorm'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { TxService } from '../../../core/tx/tx.service'
import { GrievancesService } from '../../grievances/grievances.service'
import { OrgsService } from '../../orgs/orgs.service'
import { DeliberationHooks } from '../deliberation-hooks'
import { DeliberationStore } from '../deliberation-store'
import { DeliberationsRepository } from '../deliberations.repository'
import { rolesIn } from '../deliberations.policy'
import { FILES_OF_DELIBERATION, snapshot } from '../deliberations.rules'
import { NextActors } from '../next-actors'
import { PetitionsService } from '../petitions.service'
import { DeliberationReads } from './deliberation-reads'

/** Starting a deliberation, ending it early (终止), and the village's deliberation settings. */
@Injectable()
export class DeliberationDrafting {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly files: FilesService,
    private readonly orgs: OrgsService,
    private readonly grievances: GrievancesService,
    private readonly petitions: PetitionsService,
    private readonly deliberations: DeliberationsRepository,
    private readonly store: DeliberationStore,
    private readonly nextActors: NextActors,
    private readonly reads: DeliberationReads,
    private readonly hooks: DeliberationHooks,
  ) {}

  async create(a: ActingContext, body: DeliberationCreate): Promise<DeliberationView> {
    const source = body.source
    if (source.kind === 'grievance' && !(await this.grievances.exists(a.villageId, source.grievanceId)))
      throw new AppException('DELIBERATION_SOURCE_INVALID')
    const id = await this.tx.run((m) => this.createIn(m, a, body))
    return this.reads.detail(a, id)
  }

  /**
   * Starts a deliberation inside the caller's transaction; `solicitation` opens a rural procedure
   * with the 征 step (a 村规民约 asks everyone's opinion before it is proposed).
   */
  async createIn(
    m: EntityManager,
    a: ActingContext,
    body: DeliberationCreate,
    opts: { solicitation?: boolean } = {},
  ): Promise<number> {
    const source = body.source
    const village = await this.orgs.village(a.villageId)
    const settings =
      village.settings ?? defaultVillageSettings(village.kind === 'community' ? 'community' : 'village')
    const procedure = buildProcedure(settings, defaultProcedureSettings(), opts)
    const state = startDeliberation(procedure, this.clock.now())
    {
      const d = await this.deliberations.create(m, {
        villageId: a.villageId,
        title: body.title,
        content: body.content,
        matterType: body.matterType,
        sourceKind: source.kind,
        sourceGrievanceId: source.kind === 'grievance' ? source.grievanceId : null,
        sourceReference: source.kind === 'higher_assignment' ? source.reference : null,
        sourcePetitionId: source.kind === 'petition' ? source.petitionId : null,
        delegationResolution: body.delegation?.resolution ?? null,
        previousId: body.previousId,
        procedure,
        state,
        status: state.status,
        step: state.step,
        createdByAccountId: a.principal.accountId,
      })
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.created',
        orgId: a.villageId,
        targetType: 'deliberation',
        targetId: d.id,
        after: snapshot(d),
      })
      // 联名提议: a reached petition of this village, marked convened in this same transaction
      if (source.kind === 'petition') await this.petitions.convene(m, a, source.petitionId, d.id)
      const attached = await this.files.attach(
        m,
        body.attachmentIds,
        { villageId: a.villageId, accountId: a.principal.accountId },
        { type: FILES_OF_DELIBERATION, id: d.id },
      )
      if (!attached) throw new AppException('DELIBERATION_FILE_INVALID')
      await this.nextActors.tellWhenTheirTurn(m, d, null, state, a.principal.accountId)
      return d.id
    }
  }

  async reject(a: ActingContext, id: number, body: RejectDeliberationRequest): Promise<DeliberationView> {
    await this.tx.run(async (m) => {
      const d = await this.store.find(m, a.villageId, id, true)
      await this.store.apply(
        m,
        d,
        { type: 'reject', step: body.step, reason: body.reason },
        {
          actor: a.actor,
          roles: rolesIn(a.viewer, a.villageId),
          now: this.clock.now(),
          action: 'deliberation.rejected',
        },
      )
      await this.hooks.afterEnded(m, d, a.actor)
    })
    return this.reads.detail(a, id)
  }

  settings(a: ActingContext): Promise<DeliberationSettings> {
    return this.deliberations.settings(a.villageId)
  }

  async updateSettings(a: ActingContext, body: DeliberationSettingsRequest): Promise<DeliberationSettings> {
    await this.tx.run(async (m) => {
      const before = await this.deliberations.settings(a.villageId)
      // a setting left out keeps its value
      await this.deliberations.saveSettings(m, a.villageId, { ...before, ...body })
      await this.audit.append(m, {
        actor: a.actor,
        action: 'deliberation.settings_changed',
        orgId: a.villageId,
        targetType: 'deliberation_settings',
        targetId: a.villageId,
        before,
        after: body,
      })
    })
    return this.deliberations.settings(a.villageId)
  }
}
