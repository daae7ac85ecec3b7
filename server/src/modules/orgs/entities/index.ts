import { Org } from './org.entity'

/** The tables of the organisation tree; the data source gathers every module's list (src/entities.ts). */
export const ORGS_ENTITIES = [Org]
