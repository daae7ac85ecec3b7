import { Injectable } from '@nestjs/common'
import type { PersonalDataSection } from '../../core/privacy/personal-data'
import { AccountPersonalData } from '../auth/account-personal-data.repository'
import { CertificatesPersonalData } from '../certificates/certificates-personal-data.repository'
import { DeliberationsPersonalData } from '../deliberations/deliberations-personal-data.repository'
import { GrievancesPersonalData } from '../grievances/grievances-personal-data.repository'
import { InboxPersonalData } from '../inbox/inbox-personal-data.repository'
import { NewcomersPersonalData } from '../newcomers/newcomers-personal-data.repository'
import { NoticesPersonalData } from '../notices/notices-personal-data.repository'
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
    notices: NoticesPersonalData,
    deliberations: DeliberationsPersonalData,
    inbox: InboxPersonalData,
  ) {
    this.all = [
      account,
      roster,
      verification,
      newcomers,
      grievances,
      certificates,
      notices,
      deliberations,
      inbox,
    ]
  }
}
