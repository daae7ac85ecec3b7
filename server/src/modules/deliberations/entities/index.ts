import { DeliberationAttendance } from './attendance.entity'
import { DeliberationOpenVote, DeliberationTurnout, DeliberationSecretBallot } from './ballots.entity'
import { DeliberationSettingsRow } from './deliberation-settings.entity'
import { Deliberation } from './deliberation.entity'
import { DeliberationMeetingMember } from './meeting-member.entity'
import { DeliberationMeetingMinutes } from './meeting-minutes.entity'
import { DeliberationMeetingResult } from './meeting-result.entity'
import { DeliberationMeeting } from './meeting.entity'
import { DeliberationOpinion } from './opinion.entity'
import { PetitionPaperSheet } from './petition-paper-sheet.entity'
import { PetitionSignature } from './petition-signature.entity'
import { Petition } from './petition.entity'
import { DeliberationTownshipAttendee } from './township-attendee.entity'

/** The tables of 议事: deliberations, meetings, petitions; the data source gathers every module's list (src/entities.ts). */
export const DELIBERATIONS_ENTITIES = [
  DeliberationAttendance,
  DeliberationOpenVote,
  DeliberationTurnout,
  DeliberationSecretBallot,
  DeliberationSettingsRow,
  Deliberation,
  DeliberationMeetingMember,
  DeliberationMeetingMinutes,
  DeliberationMeetingResult,
  DeliberationMeeting,
  DeliberationOpinion,
  PetitionPaperSheet,
  PetitionSignature,
  Petition,
  DeliberationTownshipAttendee,
]
