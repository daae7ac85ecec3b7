import { RosterPersonalData } from './roster-personal-data.repository'
import { Global, Module } from '@nestjs/common'
import { RosterController } from './http/roster.controller'
import { RosterDirectory } from './roster-directory'
import { RosterRepository } from './roster.repository'
import { DemoHouseholds } from './use-cases/demo-households'
import { HouseholdSheets } from './use-cases/household-sheets'
import { PhoneSealing } from './use-cases/phone-sealing'
import { RosterImport } from './use-cases/roster-import'
import { RosterReads } from './use-cases/roster-reads'

@Global()
@Module({
  controllers: [RosterController],
  providers: [
    RosterRepository,
    RosterReads,
    RosterImport,
    DemoHouseholds,
    HouseholdSheets,
    RosterDirectory,
    PhoneSealing,
    RosterPersonalData,
  ],
  // RosterReads: a module that changes a person answers with the roster's own line for them
  exports: [RosterDirectory, RosterPersonalData, RosterReads],
})
export class RosterModule {}
