import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Activities1796573850383Sqlite implements MigrationInterface {
  name = 'Activities1796573850383Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "activity_sign_up" ("activityId" integer NOT NULL, "residentId" integer NOT NULL, "walkIn" boolean NOT NULL DEFAULT (0), "signedUpAt" datetime NOT NULL, "withdrawnAt" datetime, PRIMARY KEY ("activityId", "residentId"))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_activity_sign_up_resident" ON "activity_sign_up" ("residentId", "activityId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "activity_check_in" ("activityId" integer NOT NULL, "residentId" integer NOT NULL, "method" varchar(8) NOT NULL, "checkedInAt" datetime NOT NULL, "byAccountId" integer, "byName" varchar(30), PRIMARY KEY ("activityId", "residentId"))`,
    )
    await queryRunner.query(
      `CREATE TABLE "activity" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "title" varchar(40) NOT NULL, "description" text NOT NULL, "place" varchar(60) NOT NULL, "startsAt" datetime NOT NULL, "endsAt" datetime NOT NULL, "signUpDeadline" datetime NOT NULL, "capacity" integer NOT NULL, "volunteering" boolean NOT NULL DEFAULT (0), "plannedHalfHours" integer NOT NULL DEFAULT (0), "status" varchar(12) NOT NULL, "cancelReason" varchar(200), "publishedAt" datetime, "endedAt" datetime, "createdByAccountId" integer, "createdByName" varchar(30) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_activity_village" ON "activity" ("villageId", "startsAt") `)
    await queryRunner.query(
      `CREATE TABLE "volunteer_hours" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "residentId" integer NOT NULL, "source" varchar(20) NOT NULL, "activityId" integer NOT NULL, "halfHours" integer NOT NULL, "recordedByAccountId" integer, "recordedByName" varchar(30) NOT NULL, "recordedAt" datetime NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_volunteer_hours_resident" ON "volunteer_hours" ("villageId", "residentId") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_volunteer_hours_source" ON "volunteer_hours" ("source", "activityId", "residentId") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_volunteer_hours_source"`)
    await queryRunner.query(`DROP INDEX "ix_volunteer_hours_resident"`)
    await queryRunner.query(`DROP TABLE "volunteer_hours"`)
    await queryRunner.query(`DROP INDEX "ix_activity_village"`)
    await queryRunner.query(`DROP TABLE "activity"`)
    await queryRunner.query(`DROP TABLE "activity_check_in"`)
    await queryRunner.query(`DROP INDEX "ix_activity_sign_up_resident"`)
    await queryRunner.query(`DROP TABLE "activity_sign_up"`)
  }
}
