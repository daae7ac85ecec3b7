import { AuditEntry } from '../audit/entities/audit-entry.entity'
import { AuditHead } from '../audit/entities/audit-head.entity'
import { IdempotencyRecord } from '../idempotency/entities/idempotency-record.entity'
import { Account } from '../../modules/auth/entities/account.entity'
import { RefreshToken } from '../../modules/auth/entities/refresh-token.entity'
import { AuthSession } from '../../modules/auth/entities/auth-session.entity'
import { Org } from '../../modules/orgs/entities/org.entity'
import { Household } from '../../modules/roster/entities/household.entity'
import { Resident } from '../../modules/roster/entities/resident.entity'
import { VerificationRequest } from '../../modules/verification/entities/verification-request.entity'
import { RoleAssignment } from '../../modules/roles/entities/role-assignment.entity'
import { Notification } from '../../modules/inbox/entities/notification.entity'
import { OutboxMessage } from '../../infra/wechat/entities/outbox-message.entity'
import { JobLease } from '../jobs/job-lease.entity'
import { StoredFile } from '../files/entities/stored-file.entity'
import { Grievance } from '../../modules/grievances/entities/grievance.entity'
import { GrievanceEvent } from '../../modules/grievances/entities/grievance-event.entity'
import { GrievanceSupport } from '../../modules/grievances/entities/grievance-support.entity'
import { GrievanceSettingsRow } from '../../modules/grievances/entities/grievance-settings.entity'
import { CatalogueOverride } from '../../modules/certificates/entities/catalogue-override.entity'
import { CertificateCounter } from '../../modules/certificates/entities/certificate-counter.entity'
import { CertificateRequest } from '../../modules/certificates/entities/certificate-request.entity'
import { SealUseRecord } from '../../modules/certificates/entities/seal-use-record.entity'
import { Deliberation } from '../../modules/deliberations/entities/deliberation.entity'
import { DeliberationMeeting } from '../../modules/deliberations/entities/meeting.entity'
import { DeliberationMeetingMember } from '../../modules/deliberations/entities/meeting-member.entity'
import { DeliberationAttendance } from '../../modules/deliberations/entities/attendance.entity'
import {
  DeliberationOpenVote,
  DeliberationSecretBallot,
  DeliberationTurnout,
} from '../../modules/deliberations/entities/ballots.entity'
import { DeliberationMeetingResult } from '../../modules/deliberations/entities/meeting-result.entity'
import { PublicNotice } from '../../modules/notices/entities/public-notice.entity'
import { NoticeVersion } from '../../modules/notices/entities/notice-version.entity'
import { NoticeRead } from '../../modules/notices/entities/notice-read.entity'
import { NoticeAck } from '../../modules/notices/entities/notice-ack.entity'
import { NoticeObjection } from '../../modules/notices/entities/notice-objection.entity'
import { NoticeSettingsRow } from '../../modules/notices/entities/notice-settings.entity'
import { DeliberationSettingsRow } from '../../modules/deliberations/entities/deliberation-settings.entity'
import { Petition } from '../../modules/deliberations/entities/petition.entity'
import { PetitionSignature } from '../../modules/deliberations/entities/petition-signature.entity'
import { DeliberationOpinion } from '../../modules/deliberations/entities/opinion.entity'
import { DeliberationMeetingMinutes } from '../../modules/deliberations/entities/meeting-minutes.entity'
import { DeliberationTownshipAttendee } from '../../modules/deliberations/entities/township-attendee.entity'

/** Every entity, listed once: the data source, the migration generator and the drift test use this. */
export const ENTITIES = [
  Org,
  Account,
  RefreshToken,
  AuthSession,
  Household,
  Resident,
  VerificationRequest,
  RoleAssignment,
  Notification,
  OutboxMessage,
  AuditEntry,
  AuditHead,
  IdempotencyRecord,
  JobLease,
  StoredFile,
  Grievance,
  GrievanceEvent,
  GrievanceSupport,
  GrievanceSettingsRow,
  CatalogueOverride,
  CertificateRequest,
  CertificateCounter,
  SealUseRecord,
  Deliberation,
  DeliberationMeeting,
  DeliberationMeetingMember,
  DeliberationAttendance,
  DeliberationOpenVote,
  DeliberationTurnout,
  DeliberationSecretBallot,
  DeliberationMeetingResult,
  PublicNotice,
  NoticeVersion,
  NoticeRead,
  NoticeAck,
  NoticeObjection,
  NoticeSettingsRow,
  DeliberationSettingsRow,
  Petition,
  PetitionSignature,
  DeliberationOpinion,
  DeliberationMeetingMinutes,
  DeliberationTownshipAttendee,
]
