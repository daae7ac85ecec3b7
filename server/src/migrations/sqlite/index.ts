import { Initial1795607028899Sqlite } from './1795607028899-Initial'
import { Grievances1795608528753Sqlite } from './1795608528753-Grievances'
import { Certificates1795610898969Sqlite } from './1795610898969-Certificates'
import { Deliberations1795612147557Sqlite } from './1795612147557-Deliberations'
import { DeliberationPetitionsOpinionsMinutes1795616098974Sqlite } from './1795616098974-DeliberationPetitionsOpinionsMinutes'
import { PublicNotices1795616603365Sqlite } from './1795616603365-PublicNotices'
import { SessionsAndPendingClaims1796527703692Sqlite } from './1796527703692-SessionsAndPendingClaims'
import { HotWriteRequestKeys1796527744533Sqlite } from './1796527744533-HotWriteRequestKeys'
import { MeetingTimeAndPaperNotice1796528203246Sqlite } from './1796528203246-MeetingTimeAndPaperNotice'
import { IdempotencyRecordOwner1796529769282Sqlite } from './1796529769282-IdempotencyRecordOwner'
import { SubscribeCredits1796543498931Sqlite } from './1796543498931-SubscribeCredits'
import { EncryptedPhones1796544646494Sqlite } from './1796544646494-EncryptedPhones'
import { EncryptedApplicantPhones1796545010090Sqlite } from './1796545010090-EncryptedApplicantPhones'
import { AuditChainPerVillage1796550211165Sqlite } from './1796550211165-AuditChainPerVillage'
import { ContentCheck1796550402325Sqlite } from './1796550402325-ContentCheck'
import { PetitionModeration1796553441527Sqlite } from './1796553441527-PetitionModeration'
import { ActingForResidents1796551133453Sqlite } from './1796551133453-ActingForResidents'
import { PetitionPaperSheets1796552365200Sqlite } from './1796552365200-PetitionPaperSheets'
import { Grids1796550597029Sqlite } from './1796550597029-Grids'
import { PrivacyConsentsAndDeletions1796550744812Sqlite } from './1796550744812-PrivacyConsentsAndDeletions'
import { HomeCountsAndSensitiveCategories1796550498726Sqlite } from './1796550498726-HomeCountsAndSensitiveCategories'
import { ModerationOfObjectionsAndOpinions1796562254173Sqlite } from './1796562254173-ModerationOfObjectionsAndOpinions'
import { VillageRules1796562284897Sqlite } from './1796562284897-VillageRules'
import { CadreReviews1796563552491Sqlite } from './1796563552491-CadreReviews'
import { ListIndexesForScale1796564864871Sqlite } from './1796564864871-ListIndexesForScale'
import { Polls1796566504348Sqlite } from './1796566504348-Polls'
import { NoticeModeration1796573688290Sqlite } from './1796573688290-NoticeModeration'
import { ContentCheckPushWait1796574119451Sqlite } from './1796574119451-ContentCheckPushWait'
import { Activities1796573850383Sqlite } from './1796573850383-Activities'
import { PointsLedger1796573847207Sqlite } from './1796573847207-PointsLedger'
import { ConvenienceServices1796575298028Sqlite } from './1796575298028-ConvenienceServices'
import { NewcomersAndResidence1796573783033Sqlite } from './1796573783033-NewcomersAndResidence'
import { NoticeReadMarks1796582565121Sqlite } from './1796582565121-NoticeReadMarks'
import { GrievanceRaiserIndex1796583880233Sqlite } from './1796583880233-GrievanceRaiserIndex'
import { GrievanceMonthStats1796582590654Sqlite } from './1796582590654-GrievanceMonthStats'
import { DeliberationAttendanceHousehold1796595298884Sqlite } from './1796595298884-DeliberationAttendanceHousehold'

export const SQLITE_MIGRATIONS: Function[] = [
  Initial1795607028899Sqlite,
  Grievances1795608528753Sqlite,
  Certificates1795610898969Sqlite,
  Deliberations1795612147557Sqlite,
  DeliberationPetitionsOpinionsMinutes1795616098974Sqlite,
  PublicNotices1795616603365Sqlite,
  SessionsAndPendingClaims1796527703692Sqlite,
  HotWriteRequestKeys1796527744533Sqlite,
  MeetingTimeAndPaperNotice1796528203246Sqlite,
  IdempotencyRecordOwner1796529769282Sqlite,
  SubscribeCredits1796543498931Sqlite,
  EncryptedPhones1796544646494Sqlite,
  EncryptedApplicantPhones1796545010090Sqlite,
  AuditChainPerVillage1796550211165Sqlite,
  ContentCheck1796550402325Sqlite,
  PetitionModeration1796553441527Sqlite,
  ActingForResidents1796551133453Sqlite,
  PetitionPaperSheets1796552365200Sqlite,
  Grids1796550597029Sqlite,
  PrivacyConsentsAndDeletions1796550744812Sqlite,
  HomeCountsAndSensitiveCategories1796550498726Sqlite,
  ModerationOfObjectionsAndOpinions1796562254173Sqlite,
  VillageRules1796562284897Sqlite,
  CadreReviews1796563552491Sqlite,
  ListIndexesForScale1796564864871Sqlite,
  Polls1796566504348Sqlite,
  NoticeModeration1796573688290Sqlite,
  ContentCheckPushWait1796574119451Sqlite,
  Activities1796573850383Sqlite,
  PointsLedger1796573847207Sqlite,
  ConvenienceServices1796575298028Sqlite,
  NewcomersAndResidence1796573783033Sqlite,
  NoticeReadMarks1796582565121Sqlite,
  GrievanceRaiserIndex1796583880233Sqlite,
  GrievanceMonthStats1796582590654Sqlite,
  DeliberationAttendanceHousehold1796595298884Sqlite,
]
