import type { MigrationInterface, QueryRunner } from 'typeorm'

export class DeliberationAttendanceHousehold1796595298884Sqlite implements MigrationInterface {
  name = 'DeliberationAttendanceHousehold1796595298884Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_deliberation_attendance"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_deliberation_attendance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "memberId" integer NOT NULL, "method" varchar(8) NOT NULL, "recordedByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "requestKey" varchar(64), "householdId" integer)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_deliberation_attendance"("id", "meetingId", "memberId", "method", "recordedByAccountId", "createdAt", "requestKey") SELECT "id", "meetingId", "memberId", "method", "recordedByAccountId", "createdAt", "requestKey" FROM "deliberation_attendance"`,
    )
    await queryRunner.query(`DROP TABLE "deliberation_attendance"`)
    await queryRunner.query(
      `ALTER TABLE "temporary_deliberation_attendance" RENAME TO "deliberation_attendance"`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deliberation_attendance" ON "deliberation_attendance" ("meetingId", "memberId") `,
    )
    // the sign-ins made before: each takes its member's household from the frozen list
    await queryRunner.query(
      `UPDATE "deliberation_attendance" SET "householdId" = (SELECT mm."householdId" FROM "deliberation_meeting_member" mm WHERE mm."id" = "deliberation_attendance"."memberId")`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_attendance_household" ON "deliberation_attendance" ("meetingId", "householdId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_meeting_member_household" ON "deliberation_meeting_member" ("meetingId", "householdId") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_deliberation_meeting_member_household"`)
    await queryRunner.query(`DROP INDEX "ix_deliberation_attendance_household"`)
    await queryRunner.query(`DROP INDEX "uq_deliberation_attendance"`)
    await queryRunner.query(
      `ALTER TABLE "deliberation_attendance" RENAME TO "temporary_deliberation_attendance"`,
    )
    await queryRunner.query(
      `CREATE TABLE "deliberation_attendance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "meetingId" integer NOT NULL, "memberId" integer NOT NULL, "method" varchar(8) NOT NULL, "recordedByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "requestKey" varchar(64))`,
    )
    await queryRunner.query(
      `INSERT INTO "deliberation_attendance"("id", "meetingId", "memberId", "method", "recordedByAccountId", "createdAt", "requestKey") SELECT "id", "meetingId", "memberId", "method", "recordedByAccountId", "createdAt", "requestKey" FROM "temporary_deliberation_attendance"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_deliberation_attendance"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deliberation_attendance" ON "deliberation_attendance" ("meetingId", "memberId") `,
    )
  }
}
