import type { MigrationInterface, QueryRunner } from 'typeorm'

export class NoticeReadMarks1796582565121Sqlite implements MigrationInterface {
  name = 'NoticeReadMarks1796582565121Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notice_read_mark" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "villageId" integer NOT NULL, "upToSeq" integer NOT NULL, "upToId" integer NOT NULL, "updatedAt" datetime NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notice_read_mark" ON "notice_read_mark" ("accountId", "villageId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_public_notice_deliberation"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_village"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_feed"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_public_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(80) NOT NULL, "body" text NOT NULL, "deliberationId" integer, "resolutionNoticeId" integer, "publishedAt" datetime, "publishedByAccountId" integer, "supervisionOpinion" text, "supervisionByAccountId" integer, "supervisionAt" datetime, "lines" text, "totals" text, "attachmentIds" text, "state" varchar(16) NOT NULL DEFAULT ('published'), "version" integer NOT NULL DEFAULT (0), "audienceGroupId" integer, "periodStart" varchar(10), "periodEnd" varchar(10), "pinned" boolean NOT NULL DEFAULT (0), "requiresAck" boolean NOT NULL DEFAULT (0), "major" boolean NOT NULL DEFAULT (0), "coversPeriod" varchar(8), "returnReason" text, "createdByAccountId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "moderation" varchar(10) NOT NULL DEFAULT ('shown'), "shownSeq" integer NOT NULL DEFAULT (0))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_public_notice"("id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt", "lines", "totals", "attachmentIds", "state", "version", "audienceGroupId", "periodStart", "periodEnd", "pinned", "requiresAck", "major", "coversPeriod", "returnReason", "createdByAccountId", "createdAt", "moderation") SELECT "id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt", "lines", "totals", "attachmentIds", "state", "version", "audienceGroupId", "periodStart", "periodEnd", "pinned", "requiresAck", "major", "coversPeriod", "returnReason", "createdByAccountId", "createdAt", "moderation" FROM "public_notice"`,
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
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_feed" ON "public_notice" ("villageId", "pinned", "publishedAt", "id") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_shown" ON "public_notice" ("villageId", "shownSeq", "id") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_public_notice_shown"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_feed"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_village"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_deliberation"`)
    await queryRunner.query(`ALTER TABLE "public_notice" RENAME TO "temporary_public_notice"`)
    await queryRunner.query(
      `CREATE TABLE "public_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(80) NOT NULL, "body" text NOT NULL, "deliberationId" integer, "resolutionNoticeId" integer, "publishedAt" datetime, "publishedByAccountId" integer, "supervisionOpinion" text, "supervisionByAccountId" integer, "supervisionAt" datetime, "lines" text, "totals" text, "attachmentIds" text, "state" varchar(16) NOT NULL DEFAULT ('published'), "version" integer NOT NULL DEFAULT (0), "audienceGroupId" integer, "periodStart" varchar(10), "periodEnd" varchar(10), "pinned" boolean NOT NULL DEFAULT (0), "requiresAck" boolean NOT NULL DEFAULT (0), "major" boolean NOT NULL DEFAULT (0), "coversPeriod" varchar(8), "returnReason" text, "createdByAccountId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "moderation" varchar(10) NOT NULL DEFAULT ('shown'))`,
    )
    await queryRunner.query(
      `INSERT INTO "public_notice"("id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt", "lines", "totals", "attachmentIds", "state", "version", "audienceGroupId", "periodStart", "periodEnd", "pinned", "requiresAck", "major", "coversPeriod", "returnReason", "createdByAccountId", "createdAt", "moderation") SELECT "id", "villageId", "category", "title", "body", "deliberationId", "resolutionNoticeId", "publishedAt", "publishedByAccountId", "supervisionOpinion", "supervisionByAccountId", "supervisionAt", "lines", "totals", "attachmentIds", "state", "version", "audienceGroupId", "periodStart", "periodEnd", "pinned", "requiresAck", "major", "coversPeriod", "returnReason", "createdByAccountId", "createdAt", "moderation" FROM "temporary_public_notice"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_public_notice"`)
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_feed" ON "public_notice" ("villageId", "pinned", "publishedAt", "id") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_village" ON "public_notice" ("villageId", "publishedAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_village_state" ON "public_notice" ("villageId", "state", "category") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_deliberation" ON "public_notice" ("deliberationId") `,
    )
    await queryRunner.query(`DROP INDEX "uq_notice_read_mark"`)
    await queryRunner.query(`DROP TABLE "notice_read_mark"`)
  }
}
