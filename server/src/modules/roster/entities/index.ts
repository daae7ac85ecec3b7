import { Household } from './household.entity'
import { Resident } from './resident.entity'

/** The tables of the roster: households and residents; the data source gathers every module's list (src/entities.ts). */
export const ROSTER_ENTITIES = [Household, Resident]
