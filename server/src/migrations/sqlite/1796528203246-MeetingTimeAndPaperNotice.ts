import type { MigrationInterface, QueryRunner } from 'typeorm'

export class MeetingTimeAndPaperNotice1796528203246Sqlite implements MigrationInterface {
  name = 'MeetingTimeAndPaperNotice1796528203246Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_deliberation_meeting_deliberation"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_deliberation_meeting" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "deliberationId" integer NOT NULL, "villageId" integer NOT NULL, "step" varchar(24) NOT NULL, "body" varchar(40) NOT NULL, "meetingAt" datetime NOT NULL, "noticeAt" datetime NOT NULL, "location" varchar(100) NOT NULL, "agenda" text NOT NULL, "ballot" varchar(8) NOT NULL, "status" varchar(16) NOT NULL, "scheduledByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "checkInLeadMinutes" integer NOT NULL DEFAULT (30), "paperNoticeAt" datetime, "paperNoticeByAccountId" integer, "paperNoticeByName" varchar(30), "paperNoticeConfirmedAt" datetime, "paperNoticeConfirmedByAccountId" integer, "paperNoticeConfirmedByName" varchar(30))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_deliberation_meeting"("id", "deliberationId", "villageId", "step", "body", "meetingAt", "noticeAt", "location", "agenda", "ballot", "status", "scheduledByAccountId", "createdAt") SELECT "id", "deliberationId", "villageId", "step", "body", "meetingAt", "noticeAt", "location", "agenda", "ballot", "status", "scheduledByAccountId", "createdAt" FROM "deliberation_meeting"`,
    )
    await queryRunner.query(`DROP TABLE "deliberation_meeting"`)
    await queryRunner.query(`ALTER TABLE "temporary_deliberation_meeting" RENAME TO "deliberation_meeting"`)
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_meeting_deliberation" ON "deliberation_meeting" ("deliberationId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "temporary_deliberation_settings" ("villageId" integer PRIMARY KEY NOT NULL, "showCountsLive" boolean NOT NULL DEFAULT (0), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "checkInLeadMinutes" integer NOT NULL DEFAULT (30))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_deliberation_settings"("villageId", "showCountsLive", "updatedAt") SELECT "villageId", "showCountsLive", "updatedAt" FROM "deliberation_settings"`,
    )
    await queryRunner.query(`DROP TABLE "deliberation_settings"`)
    await queryRunner.query(`ALTER TABLE "temporary_deliberation_settings" RENAME TO "deliberation_settings"`)
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_meeting_due" ON "deliberation_meeting" ("status", "meetingAt") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_deliberation_meeting_due"`)
    await queryRunner.query(`ALTER TABLE "deliberation_settings" RENAME TO "temporary_deliberation_settings"`)
    await queryRunner.query(
      `CREATE TABLE "deliberation_settings" ("villageId" integer PRIMARY KEY NOT NULL, "showCountsLive" boolean NOT NULL DEFAULT (0), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "deliberation_settings"("villageId", "showCountsLive", "updatedAt") SELECT "villageId", "showCountsLive", "updatedAt" FROM "temporary_deliberation_settings"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_deliberation_settings"`)
    await queryRunner.query(`DROP INDEX "ix_deliberation_meeting_deliberation"`)
    await queryRunner.query(`ALTER TABLE "deliberation_meeting" RENAME TO "temporary_deliberation_meeting"`)
    await queryRunner.query(
      `CREATE TABLE "deliberation_meeting" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "deliberationId" integer NOT NULL, "villageId" integer NOT NULL, "step" varchar(24) NOT NULL, "body" varchar(40) NOT NULL, "meetingAt" datetime NOT NULL, "noticeAt" datetime NOT NULL, "location" varchar(100) NOT NULL, "agenda" text NOT NULL, "ballot" varchar(8) NOT NULL, "status" varchar(16) NOT NULL, "scheduledByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "deliberation_meeting"("id", "deliberationId", "villageId", "step", "body", "meetingAt", "noticeAt", "location", "agenda", "ballot", "status", "scheduledByAccountId", "createdAt") SELECT "id", "deliberationId", "villageId", "step", "body", "meetingAt", "noticeAt", "location", "agenda", "ballot", "status", "scheduledByAccountId", "createdAt" FROM "temporary_deliberation_meeting"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_deliberation_meeting"`)
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_meeting_deliberation" ON "deliberation_meeting" ("deliberationId") `,
    )
  }
}
