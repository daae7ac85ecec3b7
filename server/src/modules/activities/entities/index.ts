import { ActivityCheckIn, ActivitySignUp } from './activity-attendance.entity'
import { Activity } from './activity.entity'
import { VolunteerHours } from './volunteer-hours.entity'

/** The tables of 活动 / 志愿服务: activities, sign-ups, check-ins and the hours ledger. */
export const ACTIVITIES_ENTITIES = [Activity, ActivitySignUp, ActivityCheckIn, VolunteerHours]
