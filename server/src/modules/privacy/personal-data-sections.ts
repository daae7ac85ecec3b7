import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import type { DataSubject, PersonalDataSection } from '../../core/privacy/personal-data'
import { AccountPersonalData } from '../auth/account-personal-data.repository'
import { CertificatesPersonalData } from '../certificates/certificates-personal-data.repository'
import { ConvenienceServicesPersonalData } from '../convenience-services/convenience-services-personal-data.repository'
import { DeliberationsPersonalData } from '../deliberations/deliberations-personal-data.repository'
import { GrievancesPersonalData } from '../grievances/grievances-personal-data.repository'
import { InboxPersonalData } from '../inbox/inbox-personal-data.repository'
import { NewcomersPersonalData } from '../newcomers/newcomers-personal-data.repository'
import { NoticesPersonalData } from '../notices/notices-personal-data.repository'
import { PointsPersonalData } from '../points/points-personal-data.repository'
import { PollsPersonalData } from '../polls/polls-personal-data.repository'
import { RosterPersonalData } from '../roster/roster-personal-data.repository'
import { VerificationPersonalData } from '../verification/verification-personal-data.repository'

/**
 * Every module's part of a person's data, in the order 我的数据 shows them. A module that starts
 * keeping rows tied to an account adds its section here.
 */
@Injectable()
export class PersonalDataSections {
  readonly all: readonly PersonalDataSection[]
  constructor(
    account: AccountPersonalData,
    roster: RosterPersonalData,
    verification: VerificationPersonalData,
    newcomers: NewcomersPersonalData,
    grievances: GrievancesPersonalData,
    certificates: CertificatesPersonalData,
    services: ConvenienceServicesPersonalData,
    notices: NoticesPersonalData,
    deliberations: DeliberationsPersonalData,
    polls: PollsPersonalData,
    inbox: InboxPersonalData,
    points: PointsPersonalData,
  ) {
    this.all = [
      account,
      roster,
      verification,
      newcomers,
      grievances,
      certificates,
      services,
      notices,
      deliberations,
      polls,
      points,
      inbox,
    ]
    this.roster = roster
  }

  private readonly roster: RosterPersonalData

  /** The account and its roster rows, read before any section erases (the roster's drops the link). */
  async subject(accountId: number, m?: EntityManager): Promise<DataSubject> {
    return { accountId, residentIds: await this.roster.residentIdsOf(accountId, m) }
  }
}
