import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Grids1796550597029Sqlite implements MigrationInterface {
  name = 'Grids1796550597029Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "grievance_subject" ("grievanceId" integer NOT NULL, "residentId" integer NOT NULL, PRIMARY KEY ("grievanceId", "residentId"))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_subject_resident" ON "grievance_subject" ("residentId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "grid_household" ("householdId" integer PRIMARY KEY NOT NULL, "villageId" integer NOT NULL, "gridId" integer NOT NULL)`,
    )
    await queryRunner.query(`CREATE INDEX "ix_grid_household_grid" ON "grid_household" ("gridId") `)
    await queryRunner.query(
      `CREATE TABLE "grid_worker" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "gridId" integer NOT NULL, "residentId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_grid_worker_village_resident" ON "grid_worker" ("villageId", "residentId") `,
    )
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_grid_worker" ON "grid_worker" ("gridId", "residentId") `)
    await queryRunner.query(
      `CREATE TABLE "grid" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "name" varchar(20) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_grid_village_name" ON "grid" ("villageId", "name") `)
    await queryRunner.query(`DROP INDEX "ix_grievance_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_state_due"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_grievance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "raiserAccountId" integer NOT NULL, "raiserResidentId" integer, "raiserName" varchar(30) NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(40) NOT NULL, "text" text NOT NULL, "photoIds" text NOT NULL, "location" text, "visibility" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "dueAt" datetime, "assigneeResidentId" integer, "assigneeName" varchar(30), "declineReason" varchar(200), "acceptedAt" datetime, "answeredAt" datetime, "answerMinutes" integer, "closedAt" datetime, "escalatedAt" datetime, "reopenCount" integer NOT NULL DEFAULT (0), "rating" integer, "ratingComment" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "collectorName" varchar(30), "moderation" varchar(10) NOT NULL DEFAULT ('shown'))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_grievance"("id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "moderation") SELECT "id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "moderation" FROM "grievance"`,
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_state_due"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_village_state"`)
    await queryRunner.query(`ALTER TABLE "grievance" RENAME TO "temporary_grievance"`)
    await queryRunner.query(
      `CREATE TABLE "grievance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "raiserAccountId" integer NOT NULL, "raiserResidentId" integer, "raiserName" varchar(30) NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(40) NOT NULL, "text" text NOT NULL, "photoIds" text NOT NULL, "location" text, "visibility" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "dueAt" datetime, "assigneeResidentId" integer, "assigneeName" varchar(30), "declineReason" varchar(200), "acceptedAt" datetime, "answeredAt" datetime, "answerMinutes" integer, "closedAt" datetime, "escalatedAt" datetime, "reopenCount" integer NOT NULL DEFAULT (0), "rating" integer, "ratingComment" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "moderation" varchar(10) NOT NULL DEFAULT ('shown'))`,
    )
    await queryRunner.query(
      `INSERT INTO "grievance"("id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "moderation") SELECT "id", "villageId", "raiserAccountId", "raiserResidentId", "raiserName", "category", "title", "text", "photoIds", "location", "visibility", "state", "dueAt", "assigneeResidentId", "assigneeName", "declineReason", "acceptedAt", "answeredAt", "answerMinutes", "closedAt", "escalatedAt", "reopenCount", "rating", "ratingComment", "createdAt", "moderation" FROM "temporary_grievance"`,
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
    await queryRunner.query(`DROP INDEX "uq_grid_village_name"`)
    await queryRunner.query(`DROP TABLE "grid"`)
    await queryRunner.query(`DROP INDEX "uq_grid_worker"`)
    await queryRunner.query(`DROP INDEX "ix_grid_worker_village_resident"`)
    await queryRunner.query(`DROP TABLE "grid_worker"`)
    await queryRunner.query(`DROP INDEX "ix_grid_household_grid"`)
    await queryRunner.query(`DROP TABLE "grid_household"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_subject_resident"`)
    await queryRunner.query(`DROP TABLE "grievance_subject"`)
  }
}
