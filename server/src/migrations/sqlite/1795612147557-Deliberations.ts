import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Deliberations1795612147557Sqlite implements MigrationInterface {
  name = 'Deliberations1795612147557Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "deliberation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "title" varchar(60) NOT NULL, "content" text NOT NULL, "matterType" varchar(40) NOT NULL, "sourceKind" varchar(24) NOT NULL, "sourceGrievanceId" integer, "sourceReference" varchar(100), "delegationResolution" varchar(100), "previousId" integer, "procedure" text NOT NULL, "state" text NOT NULL, "status" varchar(16) NOT NULL, "step" varchar(24) NOT NULL, "createdByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_village" ON "deliberation" ("villageId", "status") `,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_meeting" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "deliberationId" integer NOT NULL, "villageId" integer NOT NULL, "step" varchar(24) NOT NULL, "body" varchar(40) NOT NULL, "meetingAt" datetime NOT NULL, "noticeAt" datetime NOT NULL, "location" varchar(100) NOT NULL, "agenda" text NOT NULL, "ballot" varchar(8) NOT NULL, "status" varchar(16) NOT NULL, "scheduledByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_meeting_deliberation" ON "deliberation_meeting" ("deliberationId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_meeting_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "residentId" integer NOT NULL, "name" varchar(30) NOT NULL, "householdId" integer NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deliberation_meeting_member" ON "deliberation_meeting_member" ("meetingId", "residentId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_attendance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "memberId" integer NOT NULL, "method" varchar(8) NOT NULL, "recordedByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deliberation_attendance" ON "deliberation_attendance" ("meetingId", "memberId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_open_vote" ("meetingId" integer NOT NULL, "memberId" integer NOT NULL, "choice" varchar(8) NOT NULL, PRIMARY KEY ("meetingId", "memberId"))`,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_turnout" ("meetingId" integer NOT NULL, "memberId" integer NOT NULL, PRIMARY KEY ("meetingId", "memberId"))`,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_secret_ballot" ("id" varchar(36) PRIMARY KEY NOT NULL, "meetingId" integer NOT NULL, "choice" varchar(8) NOT NULL) WITHOUT ROWID`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_secret_ballot_meeting" ON "deliberation_secret_ballot" ("meetingId", "choice") `,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_meeting_result" ("meetingId" integer PRIMARY KEY NOT NULL, "deliberationId" integer NOT NULL, "outcome" varchar(16) NOT NULL, "reason" text NOT NULL, "due" integer NOT NULL, "present" integer NOT NULL, "householdsTotal" integer, "householdsRepresented" integer, "quorumBy" varchar(16), "yes" integer NOT NULL, "no" integer NOT NULL, "abstain" integer NOT NULL, "online" text NOT NULL, "closedByAccountId" integer NOT NULL, "closedAt" datetime NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE TABLE "public_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "category" varchar(16) NOT NULL, "title" varchar(80) NOT NULL, "body" text NOT NULL, "deliberationId" integer, "resolutionNoticeId" integer, "publishedAt" datetime NOT NULL, "publishedByAccountId" integer, "supervisionOpinion" text, "supervisionByAccountId" integer, "supervisionAt" datetime)`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_deliberation" ON "public_notice" ("deliberationId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_village" ON "public_notice" ("villageId", "publishedAt") `,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_settings" ("villageId" integer PRIMARY KEY NOT NULL, "showCountsLive" boolean NOT NULL DEFAULT (0), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "deliberation_settings"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_village"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_deliberation"`)
    await queryRunner.query(`DROP TABLE "public_notice"`)
    await queryRunner.query(`DROP TABLE "deliberation_meeting_result"`)
    await queryRunner.query(`DROP INDEX "ix_deliberation_secret_ballot_meeting"`)
    await queryRunner.query(`DROP TABLE "deliberation_secret_ballot"`)
    await queryRunner.query(`DROP TABLE "deliberation_turnout"`)
    await queryRunner.query(`DROP TABLE "deliberation_open_vote"`)
    await queryRunner.query(`DROP INDEX "uq_deliberation_attendance"`)
    await queryRunner.query(`DROP TABLE "deliberation_attendance"`)
    await queryRunner.query(`DROP INDEX "uq_deliberation_meeting_member"`)
    await queryRunner.query(`DROP TABLE "deliberation_meeting_member"`)
    await queryRunner.query(`DROP INDEX "ix_deliberation_meeting_deliberation"`)
    await queryRunner.query(`DROP TABLE "deliberation_meeting"`)
    await queryRunner.query(`DROP INDEX "ix_deliberation_village"`)
    await queryRunner.query(`DROP TABLE "deliberation"`)
  }
}
