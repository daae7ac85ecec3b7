import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ActingForResidents1796551133453Sqlite implements MigrationInterface {
  name = 'ActingForResidents1796551133453Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_certificate_request_applicant"`)
    await queryRunner.query(`DROP INDEX "uq_certificate_request_number"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_issued"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_state"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_certificate_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "applicantAccountId" integer NOT NULL, "applicantResidentId" integer NOT NULL, "applicantName" varchar(30) NOT NULL, "applicantPhone" varchar(16), "itemCode" varchar(40) NOT NULL, "itemName" varchar(30) NOT NULL, "timeLimitDays" integer NOT NULL, "purpose" varchar(100) NOT NULL, "fieldsEnc" text NOT NULL, "materialIds" text NOT NULL, "copies" integer NOT NULL, "state" varchar(24) NOT NULL, "dueAt" datetime, "infoRequest" varchar(200), "refuseReason" varchar(200), "decidedByAccountId" integer, "decidedByName" varchar(64), "decidedAt" datetime, "number" varchar(40), "issuedYear" integer, "verificationCode" varchar(8), "issuedAt" datetime, "bodyEnc" text, "revokedAt" datetime, "revokeReason" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "applicantPhoneEnc" varchar(128), "proxy" text)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_certificate_request"("id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt", "applicantPhoneEnc") SELECT "id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt", "applicantPhoneEnc" FROM "certificate_request"`,
    )
    await queryRunner.query(`DROP TABLE "certificate_request"`)
    await queryRunner.query(`ALTER TABLE "temporary_certificate_request" RENAME TO "certificate_request"`)
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_applicant" ON "certificate_request" ("applicantAccountId") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_request_number" ON "certificate_request" ("number") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_issued" ON "certificate_request" ("villageId", "issuedAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_state" ON "certificate_request" ("villageId", "state") `,
    )
    await queryRunner.query(`DROP INDEX "ix_grievance_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_state_due"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_grievance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "raiserAccountId" integer NOT NULL, "raiserResidentId" integer, "raiserName" varchar(30) NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(40) NOT NULL, "text" text NOT NULL, "photoIds" text NOT NULL, "location" text, "visibility" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "dueAt" datetime, "assigneeResidentId" integer, "assigneeName" varchar(30), "declineReason" varchar(200), "acceptedAt" datetime, "answeredAt" datetime, "answerMinutes" integer, "closedAt" datetime, "escalatedAt" datetime, "reopenCount" integer NOT NULL DEFAULT (0), "rating" integer, "ratingComment" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "proxy" text, "moderation" varchar(10) NOT NULL DEFAULT ('shown'), "collectorName" varchar(30))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_grievance"("id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "moderation", "collectorName") SELECT "id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "moderation", "collectorName" FROM "grievance"`,
    )
    await queryRunner.query(`DROP TABLE "grievance"`)
    await queryRunner.query(`ALTER TABLE "temporary_grievance" RENAME TO "grievance"`)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_state" ON "grievance" ("villageId", "state") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_grievance_state_due" ON "grievance" ("state", "dueAt") `)
    await queryRunner.query(`CREATE INDEX "ix_grievance_raiser" ON "grievance" ("raiserAccountId") `)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_notice"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_village"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_objector"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_notice_objection" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noticeId" integer NOT NULL, "villageId" integer NOT NULL, "objectorAccountId" integer NOT NULL, "objectorName" varchar(30) NOT NULL, "text" text NOT NULL, "photoIds" text, "state" varchar(20) NOT NULL, "submittedAt" datetime NOT NULL, "dueAt" datetime NOT NULL, "answer" text, "answerPhotoIds" text, "answeredAt" datetime, "answeredByAccountId" integer, "answeredByName" varchar(30), "acceptedAt" datetime, "escalationReason" text, "escalatedAt" datetime, "townshipAnswer" text, "townshipAnsweredAt" datetime, "townshipAnsweredByName" varchar(30), "objectorResidentId" integer, "proxy" text)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_notice_objection"("id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName") SELECT "id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName" FROM "notice_objection"`,
    )
    await queryRunner.query(`DROP TABLE "notice_objection"`)
    await queryRunner.query(`ALTER TABLE "temporary_notice_objection" RENAME TO "notice_objection"`)
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_notice" ON "notice_objection" ("noticeId", "submittedAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_village" ON "notice_objection" ("villageId", "state", "dueAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_objector" ON "notice_objection" ("objectorAccountId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_certificate_request_applicant"`)
    await queryRunner.query(`DROP INDEX "uq_certificate_request_number"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_issued"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_state"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_certificate_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "applicantAccountId" integer, "applicantResidentId" integer NOT NULL, "applicantName" varchar(30) NOT NULL, "applicantPhone" varchar(16), "itemCode" varchar(40) NOT NULL, "itemName" varchar(30) NOT NULL, "timeLimitDays" integer NOT NULL, "purpose" varchar(100) NOT NULL, "fieldsEnc" text NOT NULL, "materialIds" text NOT NULL, "copies" integer NOT NULL, "state" varchar(24) NOT NULL, "dueAt" datetime, "infoRequest" varchar(200), "refuseReason" varchar(200), "decidedByAccountId" integer, "decidedByName" varchar(64), "decidedAt" datetime, "number" varchar(40), "issuedYear" integer, "verificationCode" varchar(8), "issuedAt" datetime, "bodyEnc" text, "revokedAt" datetime, "revokeReason" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "applicantPhoneEnc" varchar(128), "proxy" text)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_certificate_request"("id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt", "applicantPhoneEnc", "proxy") SELECT "id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt", "applicantPhoneEnc", "proxy" FROM "certificate_request"`,
    )
    await queryRunner.query(`DROP TABLE "certificate_request"`)
    await queryRunner.query(`ALTER TABLE "temporary_certificate_request" RENAME TO "certificate_request"`)
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_applicant" ON "certificate_request" ("applicantAccountId") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_request_number" ON "certificate_request" ("number") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_issued" ON "certificate_request" ("villageId", "issuedAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_state" ON "certificate_request" ("villageId", "state") `,
    )
    await queryRunner.query(`DROP INDEX "ix_grievance_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_state_due"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_grievance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "raiserAccountId" integer, "raiserResidentId" integer, "raiserName" varchar(30) NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(40) NOT NULL, "text" text NOT NULL, "photoIds" text NOT NULL, "location" text, "visibility" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "dueAt" datetime, "assigneeResidentId" integer, "assigneeName" varchar(30), "declineReason" varchar(200), "acceptedAt" datetime, "answeredAt" datetime, "answerMinutes" integer, "closedAt" datetime, "escalatedAt" datetime, "reopenCount" integer NOT NULL DEFAULT (0), "rating" integer, "ratingComment" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "proxy" text, "moderation" varchar(10) NOT NULL DEFAULT ('shown'), "collectorName" varchar(30))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_grievance"("id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "proxy", "moderation", "collectorName") SELECT "id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "proxy", "moderation", "collectorName" FROM "grievance"`,
    )
    await queryRunner.query(`DROP TABLE "grievance"`)
    await queryRunner.query(`ALTER TABLE "temporary_grievance" RENAME TO "grievance"`)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_moderation" ON "grievance" ("villageId", "moderation") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_state" ON "grievance" ("villageId", "state") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_grievance_state_due" ON "grievance" ("state", "dueAt") `)
    await queryRunner.query(`CREATE INDEX "ix_grievance_raiser" ON "grievance" ("raiserAccountId") `)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_notice"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_village"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_objector"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_notice_objection" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noticeId" integer NOT NULL, "villageId" integer NOT NULL, "objectorAccountId" integer, "objectorName" varchar(30) NOT NULL, "text" text NOT NULL, "photoIds" text, "state" varchar(20) NOT NULL, "submittedAt" datetime NOT NULL, "dueAt" datetime NOT NULL, "answer" text, "answerPhotoIds" text, "answeredAt" datetime, "answeredByAccountId" integer, "answeredByName" varchar(30), "acceptedAt" datetime, "escalationReason" text, "escalatedAt" datetime, "townshipAnswer" text, "townshipAnsweredAt" datetime, "townshipAnsweredByName" varchar(30), "objectorResidentId" integer, "proxy" text)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_notice_objection"("id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName", "objectorResidentId", "proxy") SELECT "id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName", "objectorResidentId", "proxy" FROM "notice_objection"`,
    )
    await queryRunner.query(`DROP TABLE "notice_objection"`)
    await queryRunner.query(`ALTER TABLE "temporary_notice_objection" RENAME TO "notice_objection"`)
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_notice" ON "notice_objection" ("noticeId", "submittedAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_village" ON "notice_objection" ("villageId", "state", "dueAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_objector" ON "notice_objection" ("objectorAccountId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_applicant_resident" ON "certificate_request" ("applicantResidentId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_raiser_resident" ON "grievance" ("raiserResidentId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_objector_resident" ON "notice_objection" ("objectorResidentId") `,
    )
    // objections made before 代办 are their objector's by roster row too, where the account is on the roster
    await queryRunner.query(
      `UPDATE "notice_objection" SET "objectorResidentId" = (SELECT MIN(r."id") FROM "resident" r WHERE r."accountId" = "notice_objection"."objectorAccountId" AND r."villageId" = "notice_objection"."villageId")`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_notice_objection_objector_resident"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser_resident"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_applicant_resident"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_objector"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_village"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_notice"`)
    await queryRunner.query(`ALTER TABLE "notice_objection" RENAME TO "temporary_notice_objection"`)
    await queryRunner.query(
      `CREATE TABLE "notice_objection" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noticeId" integer NOT NULL, "villageId" integer NOT NULL, "objectorAccountId" integer NOT NULL, "objectorName" varchar(30) NOT NULL, "text" text NOT NULL, "photoIds" text, "state" varchar(20) NOT NULL, "submittedAt" datetime NOT NULL, "dueAt" datetime NOT NULL, "answer" text, "answerPhotoIds" text, "answeredAt" datetime, "answeredByAccountId" integer, "answeredByName" varchar(30), "acceptedAt" datetime, "escalationReason" text, "escalatedAt" datetime, "townshipAnswer" text, "townshipAnsweredAt" datetime, "townshipAnsweredByName" varchar(30), "objectorResidentId" integer, "proxy" text)`,
    )
    await queryRunner.query(
      `INSERT INTO "notice_objection"("id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName", "objectorResidentId", "proxy") SELECT "id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName", "objectorResidentId", "proxy" FROM "temporary_notice_objection"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_notice_objection"`)
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_objector" ON "notice_objection" ("objectorAccountId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_village" ON "notice_objection" ("villageId", "state", "dueAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_notice" ON "notice_objection" ("noticeId", "submittedAt") `,
    )
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_state_due"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_village_state"`)
    await queryRunner.query(`ALTER TABLE "grievance" RENAME TO "temporary_grievance"`)
    await queryRunner.query(
      `CREATE TABLE "grievance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "raiserAccountId" integer NOT NULL, "raiserResidentId" integer, "raiserName" varchar(30) NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(40) NOT NULL, "text" text NOT NULL, "photoIds" text NOT NULL, "location" text, "visibility" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "dueAt" datetime, "assigneeResidentId" integer, "assigneeName" varchar(30), "declineReason" varchar(200), "acceptedAt" datetime, "answeredAt" datetime, "answerMinutes" integer, "closedAt" datetime, "escalatedAt" datetime, "reopenCount" integer NOT NULL DEFAULT (0), "rating" integer, "ratingComment" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "proxy" text, "moderation" varchar(10) NOT NULL DEFAULT ('shown'), "collectorName" varchar(30))`,
    )
    await queryRunner.query(
      `INSERT INTO "grievance"("id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "proxy", "moderation", "collectorName") SELECT "id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "proxy", "moderation", "collectorName" FROM "temporary_grievance"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_grievance"`)
    await queryRunner.query(`CREATE INDEX "ix_grievance_raiser" ON "grievance" ("raiserAccountId") `)
    await queryRunner.query(`CREATE INDEX "ix_grievance_state_due" ON "grievance" ("state", "dueAt") `)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_state" ON "grievance" ("villageId", "state") `,
    )
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_issued"`)
    await queryRunner.query(`DROP INDEX "uq_certificate_request_number"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_applicant"`)
    await queryRunner.query(`ALTER TABLE "certificate_request" RENAME TO "temporary_certificate_request"`)
    await queryRunner.query(
      `CREATE TABLE "certificate_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "applicantAccountId" integer NOT NULL, "applicantResidentId" integer NOT NULL, "applicantName" varchar(30) NOT NULL, "applicantPhone" varchar(16), "itemCode" varchar(40) NOT NULL, "itemName" varchar(30) NOT NULL, "timeLimitDays" integer NOT NULL, "purpose" varchar(100) NOT NULL, "fieldsEnc" text NOT NULL, "materialIds" text NOT NULL, "copies" integer NOT NULL, "state" varchar(24) NOT NULL, "dueAt" datetime, "infoRequest" varchar(200), "refuseReason" varchar(200), "decidedByAccountId" integer, "decidedByName" varchar(64), "decidedAt" datetime, "number" varchar(40), "issuedYear" integer, "verificationCode" varchar(8), "issuedAt" datetime, "bodyEnc" text, "revokedAt" datetime, "revokeReason" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "applicantPhoneEnc" varchar(128), "proxy" text)`,
    )
    await queryRunner.query(
      `INSERT INTO "certificate_request"("id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt", "applicantPhoneEnc", "proxy") SELECT "id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt", "applicantPhoneEnc", "proxy" FROM "temporary_certificate_request"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_certificate_request"`)
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_state" ON "certificate_request" ("villageId", "state") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_issued" ON "certificate_request" ("villageId", "issuedAt") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_request_number" ON "certificate_request" ("number") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_applicant" ON "certificate_request" ("applicantAccountId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_notice_objection_objector"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_village"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_notice"`)
    await queryRunner.query(`ALTER TABLE "notice_objection" RENAME TO "temporary_notice_objection"`)
    await queryRunner.query(
      `CREATE TABLE "notice_objection" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noticeId" integer NOT NULL, "villageId" integer NOT NULL, "objectorAccountId" integer NOT NULL, "objectorName" varchar(30) NOT NULL, "text" text NOT NULL, "photoIds" text, "state" varchar(20) NOT NULL, "submittedAt" datetime NOT NULL, "dueAt" datetime NOT NULL, "answer" text, "answerPhotoIds" text, "answeredAt" datetime, "answeredByAccountId" integer, "answeredByName" varchar(30), "acceptedAt" datetime, "escalationReason" text, "escalatedAt" datetime, "townshipAnswer" text, "townshipAnsweredAt" datetime, "townshipAnsweredByName" varchar(30))`,
    )
    await queryRunner.query(
      `INSERT INTO "notice_objection"("id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName") SELECT "id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName" FROM "temporary_notice_objection"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_notice_objection"`)
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_objector" ON "notice_objection" ("objectorAccountId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_village" ON "notice_objection" ("villageId", "state", "dueAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_notice" ON "notice_objection" ("noticeId", "submittedAt") `,
    )
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_state_due"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_village_state"`)
    await queryRunner.query(`ALTER TABLE "grievance" RENAME TO "temporary_grievance"`)
    await queryRunner.query(
      `CREATE TABLE "grievance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "raiserAccountId" integer NOT NULL, "raiserResidentId" integer, "raiserName" varchar(30) NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(40) NOT NULL, "text" text NOT NULL, "photoIds" text NOT NULL, "location" text, "visibility" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "dueAt" datetime, "assigneeResidentId" integer, "assigneeName" varchar(30), "declineReason" varchar(200), "acceptedAt" datetime, "answeredAt" datetime, "answerMinutes" integer, "closedAt" datetime, "escalatedAt" datetime, "reopenCount" integer NOT NULL DEFAULT (0), "rating" integer, "ratingComment" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "moderation" varchar(10) NOT NULL DEFAULT ('shown'), "collectorName" varchar(30))`,
    )
    await queryRunner.query(
      `INSERT INTO "grievance"("id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "moderation", "collectorName") SELECT "id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "moderation", "collectorName" FROM "temporary_grievance"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_grievance"`)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_moderation" ON "grievance" ("villageId", "moderation") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_grievance_raiser" ON "grievance" ("raiserAccountId") `)
    await queryRunner.query(`CREATE INDEX "ix_grievance_state_due" ON "grievance" ("state", "dueAt") `)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_state" ON "grievance" ("villageId", "state") `,
    )
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_issued"`)
    await queryRunner.query(`DROP INDEX "uq_certificate_request_number"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_applicant"`)
    await queryRunner.query(`ALTER TABLE "certificate_request" RENAME TO "temporary_certificate_request"`)
    await queryRunner.query(
      `CREATE TABLE "certificate_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "applicantAccountId" integer NOT NULL, "applicantResidentId" integer NOT NULL, "applicantName" varchar(30) NOT NULL, "applicantPhone" varchar(16), "itemCode" varchar(40) NOT NULL, "itemName" varchar(30) NOT NULL, "timeLimitDays" integer NOT NULL, "purpose" varchar(100) NOT NULL, "fieldsEnc" text NOT NULL, "materialIds" text NOT NULL, "copies" integer NOT NULL, "state" varchar(24) NOT NULL, "dueAt" datetime, "infoRequest" varchar(200), "refuseReason" varchar(200), "decidedByAccountId" integer, "decidedByName" varchar(64), "decidedAt" datetime, "number" varchar(40), "issuedYear" integer, "verificationCode" varchar(8), "issuedAt" datetime, "bodyEnc" text, "revokedAt" datetime, "revokeReason" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "applicantPhoneEnc" varchar(128))`,
    )
    await queryRunner.query(
      `INSERT INTO "certificate_request"("id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt", "applicantPhoneEnc") SELECT "id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt", "applicantPhoneEnc" FROM "temporary_certificate_request"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_certificate_request"`)
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_state" ON "certificate_request" ("villageId", "state") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_issued" ON "certificate_request" ("villageId", "issuedAt") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_request_number" ON "certificate_request" ("number") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_applicant" ON "certificate_request" ("applicantAccountId") `,
    )
  }
}
