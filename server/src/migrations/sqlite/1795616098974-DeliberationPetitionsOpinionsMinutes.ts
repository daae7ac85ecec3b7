import type { MigrationInterface, QueryRunner } from 'typeorm'

export class DeliberationPetitionsOpinionsMinutes1795616098974Sqlite implements MigrationInterface {
  name = 'DeliberationPetitionsOpinionsMinutes1795616098974Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "petition" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "target" varchar(32) NOT NULL, "title" varchar(60) NOT NULL, "text" text NOT NULL, "rule" text NOT NULL, "totals" text NOT NULL, "status" varchar(16) NOT NULL, "initiatorAccountId" integer NOT NULL, "initiatorResidentId" integer NOT NULL, "initiatorName" varchar(30) NOT NULL, "reachedAt" datetime, "deliberationId" integer, "withdrawnAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_petition_village" ON "petition" ("villageId", "status") `)
    await queryRunner.query(
      `CREATE TABLE "petition_signature" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "petitionId" integer NOT NULL, "residentId" integer NOT NULL, "householdId" integer NOT NULL, "accountId" integer NOT NULL, "asAdult" boolean NOT NULL, "asRepresentative" boolean NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_petition_signature" ON "petition_signature" ("petitionId", "residentId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_opinion" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "deliberationId" integer NOT NULL, "villageId" integer NOT NULL, "residentId" integer NOT NULL, "accountId" integer NOT NULL, "name" varchar(30) NOT NULL, "text" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_opinion" ON "deliberation_opinion" ("deliberationId", "id") `,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_meeting_minutes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "seq" integer NOT NULL, "text" text NOT NULL, "recordedByAccountId" integer NOT NULL, "recordedByName" varchar(30) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deliberation_meeting_minutes" ON "deliberation_meeting_minutes" ("meetingId", "seq") `,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_township_attendee" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "accountId" integer NOT NULL, "name" varchar(30) NOT NULL, "title" varchar(30) NOT NULL, "recordedByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deliberation_township_attendee" ON "deliberation_township_attendee" ("meetingId", "accountId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_deliberation_village"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_deliberation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "title" varchar(60) NOT NULL, "content" text NOT NULL, "matterType" varchar(40) NOT NULL, "sourceKind" varchar(24) NOT NULL, "sourceGrievanceId" integer, "sourceReference" varchar(100), "delegationResolution" varchar(100), "previousId" integer, "procedure" text NOT NULL, "state" text NOT NULL, "status" varchar(16) NOT NULL, "step" varchar(24) NOT NULL, "createdByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sourcePetitionId" integer)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_deliberation"("id", "villageId", "title", "content", "matterType", "sourceKind", "sourceGrievanceId", "sourceReference", "delegationResolution", "previousId", "procedure", "state", "status", "step", "createdByAccountId", "createdAt", "updatedAt") SELECT "id", "villageId", "title", "content", "matterType", "sourceKind", "sourceGrievanceId", "sourceReference", "delegationResolution", "previousId", "procedure", "state", "status", "step", "createdByAccountId", "createdAt", "updatedAt" FROM "deliberation"`,
    )
    await queryRunner.query(`DROP TABLE "deliberation"`)
    await queryRunner.query(`ALTER TABLE "temporary_deliberation" RENAME TO "deliberation"`)
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_village" ON "deliberation" ("villageId", "status") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_deliberation_village"`)
    await queryRunner.query(`ALTER TABLE "deliberation" RENAME TO "temporary_deliberation"`)
    await queryRunner.query(
      `CREATE TABLE "deliberation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "title" varchar(60) NOT NULL, "content" text NOT NULL, "matterType" varchar(40) NOT NULL, "sourceKind" varchar(24) NOT NULL, "sourceGrievanceId" integer, "sourceReference" varchar(100), "delegationResolution" varchar(100), "previousId" integer, "procedure" text NOT NULL, "state" text NOT NULL, "status" varchar(16) NOT NULL, "step" varchar(24) NOT NULL, "createdByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "deliberation"("id", "villageId", "title", "content", "matterType", "sourceKind", "sourceGrievanceId", "sourceReference", "delegationResolution", "previousId", "procedure", "state", "status", "step", "createdByAccountId", "createdAt", "updatedAt") SELECT "id", "villageId", "title", "content", "matterType", "sourceKind", "sourceGrievanceId", "sourceReference", "delegationResolution", "previousId", "procedure", "state", "status", "step", "createdByAccountId", "createdAt", "updatedAt" FROM "temporary_deliberation"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_deliberation"`)
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_village" ON "deliberation" ("villageId", "status") `,
    )
    await queryRunner.query(`DROP INDEX "uq_deliberation_township_attendee"`)
    await queryRunner.query(`DROP TABLE "deliberation_township_attendee"`)
    await queryRunner.query(`DROP INDEX "uq_deliberation_meeting_minutes"`)
    await queryRunner.query(`DROP TABLE "deliberation_meeting_minutes"`)
    await queryRunner.query(`DROP INDEX "ix_deliberation_opinion"`)
    await queryRunner.query(`DROP TABLE "deliberation_opinion"`)
    await queryRunner.query(`DROP INDEX "uq_petition_signature"`)
    await queryRunner.query(`DROP TABLE "petition_signature"`)
    await queryRunner.query(`DROP INDEX "ix_petition_village"`)
    await queryRunner.query(`DROP TABLE "petition"`)
  }
}
