import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Grievances1795608528753Sqlite implements MigrationInterface {
  name = 'Grievances1795608528753Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_lease" ("name" varchar(64) PRIMARY KEY NOT NULL, "holder" varchar(64) NOT NULL, "leaseUntil" datetime NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE TABLE "stored_file" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "uploaderAccountId" integer NOT NULL, "sha256" varchar(64) NOT NULL, "mime" varchar(32) NOT NULL, "size" integer NOT NULL, "width" integer, "height" integer, "storageKey" varchar(100) NOT NULL, "attachedType" varchar(24), "attachedId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_stored_file_uploader" ON "stored_file" ("uploaderAccountId") `)
    await queryRunner.query(`CREATE INDEX "ix_stored_file_sha256" ON "stored_file" ("sha256") `)
    await queryRunner.query(
      `CREATE INDEX "ix_stored_file_attached" ON "stored_file" ("attachedType", "attachedId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "grievance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "raiserAccountId" integer NOT NULL, "raiserResidentId" integer, "raiserName" varchar(30) NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(40) NOT NULL, "text" text NOT NULL, "photoIds" text NOT NULL, "location" text, "visibility" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "dueAt" datetime, "assigneeResidentId" integer, "assigneeName" varchar(30), "declineReason" varchar(200), "acceptedAt" datetime, "answeredAt" datetime, "answerMinutes" integer, "closedAt" datetime, "escalatedAt" datetime, "reopenCount" integer NOT NULL DEFAULT (0), "rating" integer, "ratingComment" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_grievance_raiser" ON "grievance" ("raiserAccountId") `)
    await queryRunner.query(`CREATE INDEX "ix_grievance_state_due" ON "grievance" ("state", "dueAt") `)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_state" ON "grievance" ("villageId", "state") `,
    )
    await queryRunner.query(
      `CREATE TABLE "grievance_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "grievanceId" integer NOT NULL, "action" varchar(24) NOT NULL, "actorAccountId" integer, "actorName" varchar(64) NOT NULL, "actorRole" varchar(32), "text" text, "photoIds" text NOT NULL, "rating" integer, "at" datetime NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_event_grievance" ON "grievance_event" ("grievanceId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "grievance_support" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "grievanceId" integer NOT NULL, "accountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_grievance_support" ON "grievance_support" ("grievanceId", "accountId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "grievance_settings" ("villageId" integer PRIMARY KEY NOT NULL, "categories" text NOT NULL, "replyTemplates" text NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "grievance_settings"`)
    await queryRunner.query(`DROP INDEX "uq_grievance_support"`)
    await queryRunner.query(`DROP TABLE "grievance_support"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_event_grievance"`)
    await queryRunner.query(`DROP TABLE "grievance_event"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_state_due"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser"`)
    await queryRunner.query(`DROP TABLE "grievance"`)
    await queryRunner.query(`DROP INDEX "ix_stored_file_attached"`)
    await queryRunner.query(`DROP INDEX "ix_stored_file_sha256"`)
    await queryRunner.query(`DROP INDEX "ix_stored_file_uploader"`)
    await queryRunner.query(`DROP TABLE "stored_file"`)
    await queryRunner.query(`DROP TABLE "job_lease"`)
  }
}
