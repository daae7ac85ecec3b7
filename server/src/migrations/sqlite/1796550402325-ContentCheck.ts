import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ContentCheck1796550402325Sqlite implements MigrationInterface {
  name = 'ContentCheck1796550402325Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "content_check" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(24) NOT NULL, "itemId" integer NOT NULL, "parentId" integer, "villageId" integer NOT NULL, "authorAccountId" integer NOT NULL, "text" text NOT NULL, "textSuggest" varchar(8), "label" varchar(16), "status" varchar(10) NOT NULL, "reason" varchar(200), "attempts" integer NOT NULL DEFAULT (0), "nextAttemptAt" datetime NOT NULL, "decidedBy" integer, "decidedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_content_check_status_due" ON "content_check" ("status", "nextAttemptAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_content_check_village_status" ON "content_check" ("villageId", "status") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_content_check_item" ON "content_check" ("kind", "itemId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "content_check_media" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "checkId" integer NOT NULL, "fileId" integer NOT NULL, "traceId" varchar(64), "suggest" varchar(8), "label" varchar(16))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_content_check_media_trace" ON "content_check_media" ("traceId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_content_check_media_check" ON "content_check_media" ("checkId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_grievance_event_grievance"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_grievance_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "grievanceId" integer NOT NULL, "action" varchar(24) NOT NULL, "actorAccountId" integer, "actorName" varchar(64) NOT NULL, "actorRole" varchar(32), "text" text, "photoIds" text NOT NULL, "rating" integer, "at" datetime NOT NULL, "moderation" varchar(10) NOT NULL DEFAULT ('shown'))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_grievance_event"("id", "grievanceId", "action", "actorAccountId", "actorName", "actorRole", "text", "photoIds", "rating", "at") SELECT "id", "grievanceId", "action", "actorAccountId", "actorName", "actorRole", "text", "photoIds", "rating", "at" FROM "grievance_event"`,
    )
    await queryRunner.query(`DROP TABLE "grievance_event"`)
    await queryRunner.query(`ALTER TABLE "temporary_grievance_event" RENAME TO "grievance_event"`)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_event_grievance" ON "grievance_event" ("grievanceId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_grievance_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_state_due"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_grievance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "raiserAccountId" integer NOT NULL, "raiserResidentId" integer, "raiserName" varchar(30) NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(40) NOT NULL, "text" text NOT NULL, "photoIds" text NOT NULL, "location" text, "visibility" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "dueAt" datetime, "assigneeResidentId" integer, "assigneeName" varchar(30), "declineReason" varchar(200), "acceptedAt" datetime, "answeredAt" datetime, "answerMinutes" integer, "closedAt" datetime, "escalatedAt" datetime, "reopenCount" integer NOT NULL DEFAULT (0), "rating" integer, "ratingComment" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "moderation" varchar(10) NOT NULL DEFAULT ('shown'))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_grievance"("id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt") SELECT "id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt" FROM "grievance"`,
    )
    await queryRunner.query(`DROP TABLE "grievance"`)
    await queryRunner.query(`ALTER TABLE "temporary_grievance" RENAME TO "grievance"`)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_state" ON "grievance" ("villageId", "state") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_grievance_state_due" ON "grievance" ("state", "dueAt") `)
    await queryRunner.query(`CREATE INDEX "ix_grievance_raiser" ON "grievance" ("raiserAccountId") `)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_moderation" ON "grievance" ("villageId", "moderation") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_grievance_village_moderation"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_state_due"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_village_state"`)
    await queryRunner.query(`ALTER TABLE "grievance" RENAME TO "temporary_grievance"`)
    await queryRunner.query(
      `CREATE TABLE "grievance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "raiserAccountId" integer NOT NULL, "raiserResidentId" integer, "raiserName" varchar(30) NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(40) NOT NULL, "text" text NOT NULL, "photoIds" text NOT NULL, "location" text, "visibility" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "dueAt" datetime, "assigneeResidentId" integer, "assigneeName" varchar(30), "declineReason" varchar(200), "acceptedAt" datetime, "answeredAt" datetime, "answerMinutes" integer, "closedAt" datetime, "escalatedAt" datetime, "reopenCount" integer NOT NULL DEFAULT (0), "rating" integer, "ratingComment" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "grievance"("id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt") SELECT "id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt" FROM "temporary_grievance"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_grievance"`)
    await queryRunner.query(`CREATE INDEX "ix_grievance_raiser" ON "grievance" ("raiserAccountId") `)
    await queryRunner.query(`CREATE INDEX "ix_grievance_state_due" ON "grievance" ("state", "dueAt") `)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_state" ON "grievance" ("villageId", "state") `,
    )
    await queryRunner.query(`DROP INDEX "ix_grievance_event_grievance"`)
    await queryRunner.query(`ALTER TABLE "grievance_event" RENAME TO "temporary_grievance_event"`)
    await queryRunner.query(
      `CREATE TABLE "grievance_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "grievanceId" integer NOT NULL, "action" varchar(24) NOT NULL, "actorAccountId" integer, "actorName" varchar(64) NOT NULL, "actorRole" varchar(32), "text" text, "photoIds" text NOT NULL, "rating" integer, "at" datetime NOT NULL)`,
    )
    await queryRunner.query(
      `INSERT INTO "grievance_event"("id", "grievanceId", "action", "actorAccountId", "actorName", "actorRole", "text", "photoIds", "rating", "at") SELECT "id", "grievanceId", "action", "actorAccountId", "actorName", "actorRole", "text", "photoIds", "rating", "at" FROM "temporary_grievance_event"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_grievance_event"`)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_event_grievance" ON "grievance_event" ("grievanceId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_content_check_media_check"`)
    await queryRunner.query(`DROP INDEX "uq_content_check_media_trace"`)
    await queryRunner.query(`DROP TABLE "content_check_media"`)
    await queryRunner.query(`DROP INDEX "uq_content_check_item"`)
    await queryRunner.query(`DROP INDEX "ix_content_check_village_status"`)
    await queryRunner.query(`DROP INDEX "ix_content_check_status_due"`)
    await queryRunner.query(`DROP TABLE "content_check"`)
  }
}
