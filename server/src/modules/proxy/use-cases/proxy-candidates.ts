import { Injectable } from '@nestjs/common'
import {
  familyProxyAllowed,
  hasCapability,
  phoneTail,
  type ProxyCandidate,
  type ProxyResidentQuery,
} from '@xiangli/shared'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { AppException } from '../../../core/errors/app.exception'
import { OrgsService } from '../../orgs/orgs.service'
import { RosterDirectory } from '../../roster/roster-directory'

const MAX_CANDIDATES = 20

/** The picker of 代办: staff search the village's roster; a household member sees their household. */
@Injectable()
export class ProxyCandidates {
  constructor(
    private readonly roster: RosterDirectory,
    private readonly orgs: OrgsService,
  ) {}

  async list(a: ActingContext, query: ProxyResidentQuery): Promise<ProxyCandidate[]> {
    const q = query.q?.trim() ?? ''
    const tail = phoneTail(q)
    const search = tail ? { phoneTail: tail } : q ? { name: q } : {}
    const ownId = a.viewer.residentIdIn(a.villageId)
    let householdId: number | undefined
    if (!hasCapability(a.viewer.rolesIn(a.villageId), 'act_for_residents')) {
      const own = ownId !== null ? await this.roster.standing(a.villageId, ownId) : null
      if (!own) throw new AppException('FORBIDDEN')
      if (!familyProxyAllowed((await this.orgs.village(a.villageId)).settings))
        throw new AppException('PROXY_FAMILY_NOT_ALLOWED')
      householdId = own.householdId
    }
    const people = await this.roster.pick(a.villageId, { ...search, householdId }, MAX_CANDIDATES + 1)
    return people
      .filter((p) => p.id !== ownId)
      .slice(0, MAX_CANDIDATES)
      .map((p) => ({
        residentId: p.id,
        name: p.name,
        phoneMasked: p.phoneMasked,
        birthYear: p.birthDate.slice(0, 4),
        householdCode: p.householdCode,
      }))
  }
}
