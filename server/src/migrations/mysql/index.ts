import { Initial1795607028899Mysql } from './1795607028899-Initial'
import { Utf8mb4Tables1795607028900Mysql } from './1795607028900-Utf8mb4Tables'
import { Grievances1795608528753Mysql } from './1795608528753-Grievances'
import { Certificates1795610898969Mysql } from './1795610898969-Certificates'
import { Deliberations1795612147557Mysql } from './1795612147557-Deliberations'
import { DeliberationPetitionsOpinionsMinutes1795616098974Mysql } from './1795616098974-DeliberationPetitionsOpinionsMinutes'
import { PublicNotices1795616603365Mysql } from './1795616603365-PublicNotices'
import { SessionsAndPendingClaims1796527703692Mysql } from './1796527703692-SessionsAndPendingClaims'
import { HotWriteRequestKeys1796527744533Mysql } from './1796527744533-HotWriteRequestKeys'
import { MeetingTimeAndPaperNotice1796528203246Mysql } from './1796528203246-MeetingTimeAndPaperNotice'
import { IdempotencyRecordOwner1796529769282Mysql } from './1796529769282-IdempotencyRecordOwner'
import { SubscribeCredits1796543498931Mysql } from './1796543498931-SubscribeCredits'
import { EncryptedPhones1796544646494Mysql } from './1796544646494-EncryptedPhones'
import { EncryptedApplicantPhones1796545010090Mysql } from './1796545010090-EncryptedApplicantPhones'
import { AuditChainPerVillage1796550211165Mysql } from './1796550211165-AuditChainPerVillage'
import { ContentCheck1796550402325Mysql } from './1796550402325-ContentCheck'
import { PetitionModeration1796553441527Mysql } from './1796553441527-PetitionModeration'
import { ActingForResidents1796551133453Mysql } from './1796551133453-ActingForResidents'
import { PetitionPaperSheets1796552365200Mysql } from './1796552365200-PetitionPaperSheets'
import { Grids1796550597029Mysql } from './1796550597029-Grids'
import { PrivacyConsentsAndDeletions1796550744812Mysql } from './1796550744812-PrivacyConsentsAndDeletions'
import { HomeCountsAndSensitiveCategories1796550498726Mysql } from './1796550498726-HomeCountsAndSensitiveCategories'
import { ModerationOfObjectionsAndOpinions1796562254173Mysql } from './1796562254173-ModerationOfObjectionsAndOpinions'
import { VillageRules1796562284897Mysql } from './1796562284897-VillageRules'
import { CadreReviews1796563552491Mysql } from './1796563552491-CadreReviews'
import { ListIndexesForScale1796564864871Mysql } from './1796564864871-ListIndexesForScale'
import { Polls1796566504348Mysql } from './1796566504348-Polls'
import { NoticeModeration1796573688290Mysql } from './1796573688290-NoticeModeration'
import { ContentCheckPushWait1796574119451Mysql } from './1796574119451-ContentCheckPushWait'
import { Activities1796573850383Mysql } from './1796573850383-Activities'
import { PointsLedger1796573847207Mysql } from './1796573847207-PointsLedger'
import { ConvenienceServices1796575298028Mysql } from './1796575298028-ConvenienceServices'
import { NewcomersAndResidence1796573783033Mysql } from './1796573783033-NewcomersAndResidence'
import { NoticeReadMarks1796582565121Mysql } from './1796582565121-NoticeReadMarks'
import { GrievanceRaiserIndex1796583880233Mysql } from './1796583880233-GrievanceRaiserIndex'
import { GrievanceMonthStats1796582590654Mysql } from './1796582590654-GrievanceMonthStats'
import { DeliberationAttendanceHousehold1796595298884Mysql } from './1796595298884-DeliberationAttendanceHousehold'

export const MYSQL_MIGRATIONS: Function[] = [
  Initial1795607028899Mysql,
  Utf8mb4Tables1795607028900Mysql,
  Grievances1795608528753Mysql,
  Certificates1795610898969Mysql,
  Deliberations1795612147557Mysql,
  DeliberationPetitionsOpinionsMinutes1795616098974Mysql,
  PublicNotices1795616603365Mysql,
  SessionsAndPendingClaims1796527703692Mysql,
  HotWriteRequestKeys1796527744533Mysql,
  MeetingTimeAndPaperNotice1796528203246Mysql,
  IdempotencyRecordOwner1796529769282Mysql,
  SubscribeCredits1796543498931Mysql,
  EncryptedPhones1796544646494Mysql,
  EncryptedApplicantPhones1796545010090Mysql,
  AuditChainPerVillage1796550211165Mysql,
  ContentCheck1796550402325Mysql,
  PetitionModeration1796553441527Mysql,
  ActingForResidents1796551133453Mysql,
  PetitionPaperSheets1796552365200Mysql,
  Grids1796550597029Mysql,
  PrivacyConsentsAndDeletions1796550744812Mysql,
  HomeCountsAndSensitiveCategories1796550498726Mysql,
  ModerationOfObjectionsAndOpinions1796562254173Mysql,
  VillageRules1796562284897Mysql,
  CadreReviews1796563552491Mysql,
  ListIndexesForScale1796564864871Mysql,
  Polls1796566504348Mysql,
  NoticeModeration1796573688290Mysql,
  ContentCheckPushWait1796574119451Mysql,
  Activities1796573850383Mysql,
  PointsLedger1796573847207Mysql,
  ConvenienceServices1796575298028Mysql,
  NewcomersAndResidence1796573783033Mysql,
  NoticeReadMarks1796582565121Mysql,
  GrievanceRaiserIndex1796583880233Mysql,
  GrievanceMonthStats1796582590654Mysql,
  DeliberationAttendanceHousehold1796595298884Mysql,
]
