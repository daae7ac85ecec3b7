import type { MigrationInterface, QueryRunner } from 'typeorm'

export class CadreReviews1796563552491Sqlite implements MigrationInterface {
  name = 'CadreReviews1796563552491Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cadre_review_turnout" ("meetingId" integer NOT NULL, "memberId" integer NOT NULL, PRIMARY KEY ("meetingId", "memberId")) WITHOUT ROWID`,
    )
    await queryRunner.query(
      `CREATE TABLE "cadre_review_rating" ("id" varchar(36) PRIMARY KEY NOT NULL, "meetingId" integer NOT NULL, "subjectId" integer NOT NULL, "rating" varchar(12) NOT NULL) WITHOUT ROWID`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_cadre_review_rating_count" ON "cadre_review_rating" ("meetingId", "subjectId", "rating") `,
    )
    await queryRunner.query(
      `CREATE TABLE "cadre_review_meeting" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reviewId" integer NOT NULL, "villageId" integer NOT NULL, "body" varchar(40) NOT NULL, "meetingAt" datetime NOT NULL, "noticeAt" datetime NOT NULL, "checkInLeadMinutes" integer NOT NULL DEFAULT (30), "location" varchar(100) NOT NULL, "status" varchar(16) NOT NULL, "scheduledByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_cadre_review_meeting_review" ON "cadre_review_meeting" ("reviewId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "cadre_review_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "residentId" integer NOT NULL, "name" varchar(30) NOT NULL, "householdId" integer NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cadre_review_member" ON "cadre_review_member" ("meetingId", "residentId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "cadre_review_attendance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "memberId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cadre_review_attendance" ON "cadre_review_attendance" ("meetingId", "memberId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "cadre_review_outcome" ("meetingId" integer PRIMARY KEY NOT NULL, "reviewId" integer NOT NULL, "valid" boolean NOT NULL, "reason" text NOT NULL, "due" integer NOT NULL, "present" integer NOT NULL, "ballots" integer NOT NULL, "paperBallots" integer NOT NULL DEFAULT (0), "closedByAccountId" integer NOT NULL, "closedAt" datetime NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE TABLE "cadre_review_person_result" ("meetingId" integer NOT NULL, "subjectId" integer NOT NULL, "residentId" integer NOT NULL, "competent" integer NOT NULL, "basic" integer NOT NULL, "incompetent" integer NOT NULL, "rating" varchar(12) NOT NULL, "reason" text NOT NULL, "postEnded" boolean NOT NULL, PRIMARY KEY ("meetingId", "subjectId"))`,
    )
    await queryRunner.query(
      `CREATE TABLE "cadre_review" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "year" integer NOT NULL, "status" varchar(16) NOT NULL, "ratingRule" text NOT NULL, "openedByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "publishedAt" datetime)`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cadre_review_year" ON "cadre_review" ("villageId", "year") `,
    )
    await queryRunner.query(
      `CREATE TABLE "cadre_review_subject" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reviewId" integer NOT NULL, "residentId" integer NOT NULL, "name" varchar(30) NOT NULL, "post" varchar(24) NOT NULL, "report" text, "reportedAt" datetime)`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_cadre_review_subject_resident" ON "cadre_review_subject" ("residentId") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cadre_review_subject" ON "cadre_review_subject" ("reviewId", "residentId") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_cadre_review_subject"`)
    await queryRunner.query(`DROP INDEX "ix_cadre_review_subject_resident"`)
    await queryRunner.query(`DROP TABLE "cadre_review_subject"`)
    await queryRunner.query(`DROP INDEX "uq_cadre_review_year"`)
    await queryRunner.query(`DROP TABLE "cadre_review"`)
    await queryRunner.query(`DROP TABLE "cadre_review_person_result"`)
    await queryRunner.query(`DROP TABLE "cadre_review_outcome"`)
    await queryRunner.query(`DROP INDEX "uq_cadre_review_attendance"`)
    await queryRunner.query(`DROP TABLE "cadre_review_attendance"`)
    await queryRunner.query(`DROP INDEX "uq_cadre_review_member"`)
    await queryRunner.query(`DROP TABLE "cadre_review_member"`)
    await queryRunner.query(`DROP INDEX "ix_cadre_review_meeting_review"`)
    await queryRunner.query(`DROP TABLE "cadre_review_meeting"`)
    await queryRunner.query(`DROP INDEX "ix_cadre_review_rating_count"`)
    await queryRunner.query(`DROP TABLE "cadre_review_rating"`)
    await queryRunner.query(`DROP TABLE "cadre_review_turnout"`)
  }
}
