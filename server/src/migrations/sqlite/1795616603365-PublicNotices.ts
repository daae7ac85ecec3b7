import type { MigrationInterface, QueryRunner } from 'typeorm'

export class PublicNotices1795616603365Sqlite implements MigrationInterface {
  name = 'PublicNotices1795616603365Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notice_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noticeId" integer NOT NULL, "villageId" integer NOT NULL, "version" integer NOT NULL, "title" varchar(80) NOT NULL, "body" text NOT NULL, "lines" text, "totals" text, "attachments" text, "reason" text, "contentHash" varchar(64) NOT NULL, "createdByAccountId" integer, "createdByName" varchar(30), "createdAt" datetime NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notice_version" ON "notice_version" ("noticeId", "version") `,
    )
    await queryRunner.query(
      `CREATE TABLE "notice_read" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noticeId" integer NOT NULL, "accountId" integer NOT NULL, "version" integer NOT NULL, "readAt" datetime NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_read_account" ON "notice_read" ("accountId", "noticeId") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notice_read" ON "notice_read" ("noticeId", "accountId", "version") `,
    )
    await queryRunner.query(
      `CREATE TABLE "notice_ack" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noticeId" integer NOT NULL, "householdId" integer NOT NULL, "residentId" integer NOT NULL, "accountId" integer NOT NULL, "residentName" varchar(30) NOT NULL, "at" datetime NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notice_ack_household" ON "notice_ack" ("noticeId", "householdId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "notice_objection" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noticeId" integer NOT NULL, "villageId" integer NOT NULL, "objectorAccountId" integer NOT NULL, "objectorName" varchar(30) NOT NULL, "text" text NOT NULL, "photoIds" text, "state" varchar(20) NOT NULL, "submittedAt" datetime NOT NULL, "dueAt" datetime NOT NULL, "answer" text, "answerPhotoIds" text, "answeredAt" datetime, "answeredByAccountId" integer, "answeredByName" varchar(30), "acceptedAt" datetime, "escalationReason" text, "escalatedAt" datetime, "townshipAnswer" text, "townshipAnsweredAt" datetime, "townshipAnsweredByName" varchar(30))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_objector" ON "notice_objection" ("objectorAccountId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_village" ON "notice_objection" ("villageId", "state", "dueAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_notice" ON "notice_objection" ("noticeId", "submittedAt") `,
    )
    await queryRunner.query(
      `CREATE TABLE "notice_settings" ("villageId" integer PRIMARY KEY NOT NULL, "financeCadence" varchar(16) NOT NULL, "graceDays" integer NOT NULL, "majorDays" integer NOT NULL, "calendarFrom" varchar(10) NOT NULL)`,
    )
    await queryRunner.query(`DROP INDEX "ix_public_notice_village"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_deliberation"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_public_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(80) NOT NULL, "body" text NOT NULL, "deliberationId" integer, "resolutionNoticeId" integer, "publishedAt" datetime NOT NULL, "publishedByAccountId" integer, "supervisionOpinion" text, "supervisionByAccountId" integer, "supervisionAt" datetime, "lines" text, "totals" text, "attachmentIds" text, "state" varchar(16) NOT NULL DEFAULT ('published'), "version" integer NOT NULL DEFAULT (0), "audienceGroupId" integer, "periodStart" varchar(10), "periodEnd" varchar(10), "pinned" boolean NOT NULL DEFAULT (0), "requiresAck" boolean NOT NULL DEFAULT (0), "major" boolean NOT NULL DEFAULT (0), "coversPeriod" varchar(8), "returnReason" text, "createdByAccountId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_public_notice"("id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt") SELECT "id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt" FROM "public_notice"`,
    )
    await queryRunner.query(`DROP TABLE "public_notice"`)
    await queryRunner.query(`ALTER TABLE "temporary_public_notice" RENAME TO "public_notice"`)
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_village" ON "public_notice" ("villageId", "publishedAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_deliberation" ON "public_notice" ("deliberationId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_stored_file_attached"`)
    await queryRunner.query(`DROP INDEX "ix_stored_file_sha256"`)
    await queryRunner.query(`DROP INDEX "ix_stored_file_uploader"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_stored_file" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "uploaderAccountId" integer NOT NULL, "sha256" varchar(64) NOT NULL, "mime" varchar(100) NOT NULL, "size" integer NOT NULL, "width" integer, "height" integer, "storageKey" varchar(100) NOT NULL, "attachedType" varchar(24), "attachedId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_stored_file"("id", "villageId", "uploaderAccountId", "sha256", "mime", "size", "width", "height", "storageKey", "attachedType", "attachedId", "createdAt") SELECT "id", "villageId", "uploaderAccountId", "sha256", "mime", "size", "width", "height", "storageKey", "attachedType", "attachedId", "createdAt" FROM "stored_file"`,
    )
    await queryRunner.query(`DROP TABLE "stored_file"`)
    await queryRunner.query(`ALTER TABLE "temporary_stored_file" RENAME TO "stored_file"`)
    await queryRunner.query(
      `CREATE INDEX "ix_stored_file_attached" ON "stored_file" ("attachedType", "attachedId") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_stored_file_sha256" ON "stored_file" ("sha256") `)
    await queryRunner.query(`CREATE INDEX "ix_stored_file_uploader" ON "stored_file" ("uploaderAccountId") `)
    await queryRunner.query(`DROP INDEX "ix_public_notice_village"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_deliberation"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_public_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(80) NOT NULL, "body" text NOT NULL, "deliberationId" integer, "resolutionNoticeId" integer, "publishedAt" datetime, "publishedByAccountId" integer, "supervisionOpinion" text, "supervisionByAccountId" integer, "supervisionAt" datetime, "lines" text, "totals" text, "attachmentIds" text, "state" varchar(16) NOT NULL DEFAULT ('published'), "version" integer NOT NULL DEFAULT (0), "audienceGroupId" integer, "periodStart" varchar(10), "periodEnd" varchar(10), "pinned" boolean NOT NULL DEFAULT (0), "requiresAck" boolean NOT NULL DEFAULT (0), "major" boolean NOT NULL DEFAULT (0), "coversPeriod" varchar(8), "returnReason" text, "createdByAccountId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_public_notice"("id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt", "lines", "totals", "attachmentIds", "state", "version", "audienceGroupId", "periodStart", "periodEnd", "pinned", "requiresAck", "major", "coversPeriod", "returnReason", "createdByAccountId", "createdAt") SELECT "id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt", "lines", "totals", "attachmentIds", "state", "version", "audienceGroupId", "periodStart", "periodEnd", "pinned", "requiresAck", "major", "coversPeriod", "returnReason", "createdByAccountId", "createdAt" FROM "public_notice"`,
    )
    await queryRunner.query(`DROP TABLE "public_notice"`)
    await queryRunner.query(`ALTER TABLE "temporary_public_notice" RENAME TO "public_notice"`)
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_deliberation" ON "public_notice" ("deliberationId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_village_state" ON "public_notice" ("villageId", "state", "category") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_village" ON "public_notice" ("villageId", "publishedAt") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_public_notice_village"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_deliberation"`)
    await queryRunner.query(`ALTER TABLE "public_notice" RENAME TO "temporary_public_notice"`)
    await queryRunner.query(
      `CREATE TABLE "public_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(80) NOT NULL, "body" text NOT NULL, "deliberationId" integer, "resolutionNoticeId" integer, "publishedAt" datetime NOT NULL, "publishedByAccountId" integer, "supervisionOpinion" text, "supervisionByAccountId" integer, "supervisionAt" datetime, "lines" text, "totals" text, "attachmentIds" text, "state" varchar(16) NOT NULL DEFAULT ('published'), "version" integer NOT NULL DEFAULT (0), "audienceGroupId" integer, "periodStart" varchar(10), "periodEnd" varchar(10), "pinned" boolean NOT NULL DEFAULT (0), "requiresAck" boolean NOT NULL DEFAULT (0), "major" boolean NOT NULL DEFAULT (0), "coversPeriod" varchar(8), "returnReason" text, "createdByAccountId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "public_notice"("id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt", "lines", "totals", "attachmentIds", "state", "version", "audienceGroupId", "periodStart", "periodEnd", "pinned", "requiresAck", "major", "coversPeriod", "returnReason", "createdByAccountId", "createdAt") SELECT "id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt", "lines", "totals", "attachmentIds", "state", "version", "audienceGroupId", "periodStart", "periodEnd", "pinned", "requiresAck", "major", "coversPeriod", "returnReason", "createdByAccountId", "createdAt" FROM "temporary_public_notice"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_public_notice"`)
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_deliberation" ON "public_notice" ("deliberationId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_village" ON "public_notice" ("villageId", "publishedAt") `,
    )
    await queryRunner.query(`DROP INDEX "ix_stored_file_uploader"`)
    await queryRunner.query(`DROP INDEX "ix_stored_file_sha256"`)
    await queryRunner.query(`DROP INDEX "ix_stored_file_attached"`)
    await queryRunner.query(`ALTER TABLE "stored_file" RENAME TO "temporary_stored_file"`)
    await queryRunner.query(
      `CREATE TABLE "stored_file" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "uploaderAccountId" integer NOT NULL, "sha256" varchar(64) NOT NULL, "mime" varchar(32) NOT NULL, "size" integer NOT NULL, "width" integer, "height" integer, "storageKey" varchar(100) NOT NULL, "attachedType" varchar(24), "attachedId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "stored_file"("id", "villageId", "uploaderAccountId", "sha256", "mime", "size", "width", "height", "storageKey", "attachedType", "attachedId", "createdAt") SELECT "id", "villageId", "uploaderAccountId", "sha256", "mime", "size", "width", "height", "storageKey", "attachedType", "attachedId", "createdAt" FROM "temporary_stored_file"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_stored_file"`)
    await queryRunner.query(`CREATE INDEX "ix_stored_file_uploader" ON "stored_file" ("uploaderAccountId") `)
    await queryRunner.query(`CREATE INDEX "ix_stored_file_sha256" ON "stored_file" ("sha256") `)
    await queryRunner.query(
      `CREATE INDEX "ix_stored_file_attached" ON "stored_file" ("attachedType", "attachedId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_public_notice_deliberation"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_village"`)
    await queryRunner.query(`ALTER TABLE "public_notice" RENAME TO "temporary_public_notice"`)
    await queryRunner.query(
      `CREATE TABLE "public_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(80) NOT NULL, "body" text NOT NULL, "deliberationId" integer, "resolutionNoticeId" integer, "publishedAt" datetime NOT NULL, "publishedByAccountId" integer, "supervisionOpinion" text, "supervisionByAccountId" integer, "supervisionAt" datetime)`,
    )
    await queryRunner.query(
      `INSERT INTO "public_notice"("id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt") SELECT "id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt" FROM "temporary_public_notice"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_public_notice"`)
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_deliberation" ON "public_notice" ("deliberationId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_village" ON "public_notice" ("villageId", "publishedAt") `,
    )
    await queryRunner.query(`DROP TABLE "notice_settings"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_notice"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_village"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_objector"`)
    await queryRunner.query(`DROP TABLE "notice_objection"`)
    await queryRunner.query(`DROP INDEX "uq_notice_ack_household"`)
    await queryRunner.query(`DROP TABLE "notice_ack"`)
    await queryRunner.query(`DROP INDEX "uq_notice_read"`)
    await queryRunner.query(`DROP INDEX "ix_notice_read_account"`)
    await queryRunner.query(`DROP TABLE "notice_read"`)
    await queryRunner.query(`DROP INDEX "uq_notice_version"`)
    await queryRunner.query(`DROP TABLE "notice_version"`)
  }
}
