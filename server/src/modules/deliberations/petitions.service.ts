import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { ActingContext } from '../../core/auth/current.decorator'
import { PetitionConvening } from './use-cases/petition-convening'

/**
 * What the deliberations ask of 联名提议: the 两委 start a deliberation with a reached petition as its
 * source (DeliberationsService.create), which marks it convened in the same transaction.
 */
@Injectable()
export class PetitionsService {
  constructor(private readonly convening: PetitionConvening) {}

  /** Marks the petition convened by this deliberation, in the caller's transaction. */
  convene(m: EntityManager, a: ActingContext, petitionId: number, deliberationId: number): Promise<void> {
    return this.convening.convene(m, a, petitionId, deliberationId)
  }
}
