import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import { ERASED_NAME, type ErasureOutcome } from '@xiangli/shared'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { DeliberationOpinion as Opinion } from './entities/opinion.entity'
import { PetitionSignature } from './entities/petition-signature.entity'
import { Petition } from './entities/petition.entity'

/**
 * The person's opinions in a 一征 window, the petitions (联名提议) they started and signed. Ballots are
 * not here: who voted is sealed with the meeting and what was voted is tied to no one.
 */
@Injectable()
export class DeliberationsPersonalData implements PersonalDataSection {
  readonly section = 'deliberations'
  constructor(private readonly ds: DataSource) {}

  async exportOf({ accountId }: DataSubject, m: EntityManager = this.ds.manager) {
    const opinions = await m.getRepository(Opinion).find({ where: { accountId }, order: { id: 'ASC' } })
    const signatures = await m
      .getRepository(PetitionSignature)
      .find({ where: { accountId }, order: { id: 'ASC' } })
    const started = await m
      .getRepository(Petition)
      .find({ where: { initiatorAccountId: accountId }, order: { id: 'ASC' } })
    const signedIds = [...new Set(signatures.map((s) => s.petitionId))]
    const titles = new Map(
      (signedIds.length ? await m.getRepository(Petition).findBy({ id: In(signedIds) }) : []).map((p) => [
        p.id,
        p.title,
      ]),
    )
    return {
      opinions: opinions.map((o) => ({
        deliberationId: o.deliberationId,
        villageId: o.villageId,
        name: o.name,
        text: o.text,
        at: o.createdAt.toISOString(),
      })),
      petitionsStarted: started.map((p) => ({
        id: p.id,
        villageId: p.villageId,
        title: p.title,
        name: p.initiatorName,
      })),
      petitionsSigned: signatures.map((s) => ({
        petitionId: s.petitionId,
        title: titles.get(s.petitionId) ?? null,
        at: s.createdAt.toISOString(),
      })),
    }
  }

  /**
   * Opinions and petitions are part of how a matter was decided: they stay, without the name. A
   * signature keeps counting towards its petition's threshold, as the law counts it.
   */
  async erase(m: EntityManager, { accountId }: DataSubject): Promise<ErasureOutcome> {
    const opinions = await m.getRepository(Opinion).update({ accountId }, { name: ERASED_NAME })
    const started = await m
      .getRepository(Petition)
      .update({ initiatorAccountId: accountId }, { initiatorName: ERASED_NAME })
    const signed = await m.getRepository(PetitionSignature).countBy({ accountId })
    return {
      section: this.section,
      erased: 0,
      kept: (opinions.affected ?? 0) + (started.affected ?? 0) + signed,
      note: '议事中的意见、发起和签名的联名提议是议事记录的一部分，依法保留（签名仍计入人数），不再显示您的名字；投票记录本来就无法对应到您',
    }
  }
}
