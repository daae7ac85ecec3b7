import { GrievanceEvent } from './grievance-event.entity'
import { GrievanceMonthStat } from './grievance-month-stat.entity'
import { GrievanceSettingsRow } from './grievance-settings.entity'
import { GrievanceSubject } from './grievance-subject.entity'
import { GrievanceSupport } from './grievance-support.entity'
import { Grievance } from './grievance.entity'

/** The tables of 村民说事; the data source gathers every module's list (src/entities.ts). */
export const GRIEVANCES_ENTITIES = [
  GrievanceEvent,
  GrievanceMonthStat,
  GrievanceSettingsRow,
  GrievanceSubject,
  GrievanceSupport,
  Grievance,
]
