import type { MigrationInterface, QueryRunner } from 'typeorm'

export class HomeCountsAndSensitiveCategories1796550498726Sqlite implements MigrationInterface {
  name = 'HomeCountsAndSensitiveCategories1796550498726Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "temporary_grievance_settings" ("villageId" integer PRIMARY KEY NOT NULL, "categories" text NOT NULL, "replyTemplates" text NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "sensitiveCategories" text)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_grievance_settings"("villageId", "categories", "replyTemplates", "updatedAt") SELECT "villageId", "categories", "replyTemplates", "updatedAt" FROM "grievance_settings"`,
    )
    await queryRunner.query(`DROP TABLE "grievance_settings"`)
    await queryRunner.query(`ALTER TABLE "temporary_grievance_settings" RENAME TO "grievance_settings"`)
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_meeting_member_resident" ON "deliberation_meeting_member" ("residentId") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_deliberation_meeting_member_resident"`)
    await queryRunner.query(`ALTER TABLE "grievance_settings" RENAME TO "temporary_grievance_settings"`)
    await queryRunner.query(
      `CREATE TABLE "grievance_settings" ("villageId" integer PRIMARY KEY NOT NULL, "categories" text NOT NULL, "replyTemplates" text NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "grievance_settings"("villageId", "categories", "replyTemplates", "updatedAt") SELECT "villageId", "categories", "replyTemplates", "updatedAt" FROM "temporary_grievance_settings"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_grievance_settings"`)
  }
}
