import { Injectable } from '@nestjs/common'
import type { PetitionListQuery, PetitionPage, PetitionView } from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { canConvene, isInitiator, signRefusal } from '../petitions.policy'
import { petitionSummary, petitionView } from '../petitions.presenter'
import { PetitionsRepository } from '../petitions.repository'
import { PetitionCounting } from './petition-counting'

/** The village's petitions, and one with its count against the threshold and what the viewer may do. */
@Injectable()
export class PetitionReads {
  constructor(
    private readonly repo: PetitionsRepository,
    private readonly counting: PetitionCounting,
  ) {}

  async list(a: ActingContext, q: PetitionListQuery): Promise<PetitionPage> {
    const [rows, total] = await this.repo.page(a.villageId, q)
    const counts = await this.repo.signatureCounts(rows.map((p) => p.id))
    return {
      items: rows.map((p) => petitionSummary(p, counts.get(p.id) ?? 0)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    }
  }

  async detail(a: ActingContext, id: number): Promise<PetitionView> {
    const p = await this.repo.find(a.villageId, id)
    if (!p) throw new AppException('NOT_FOUND')
    const check = await this.counting.check(p)
    const signatures = await this.repo.countSignatures(p.id)
    const me = a.viewer.residentIdIn(a.villageId)
    const signedByMe = me ? await this.repo.hasSigned(p.id, me) : false
    const cannotSignReason = await signRefusal({
      signedByMe,
      status: p.status,
      target: p.target,
      eligible: async () =>
        (await this.counting.standing(a.viewer, a.villageId, p.target, new Date()))?.eligible ?? false,
    })
    return petitionView(p, {
      signatures,
      check,
      signedByMe,
      cannotSignReason,
      isMine: isInitiator(a.viewer, p),
      canConvene: canConvene(a.viewer, p),
    })
  }
}
