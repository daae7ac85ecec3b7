import type { MigrationInterface, QueryRunner } from 'typeorm'

export class PetitionModeration1796553441527Sqlite implements MigrationInterface {
  name = 'PetitionModeration1796553441527Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_petition_village"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_petition" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "target" varchar(32) NOT NULL, "title" varchar(60) NOT NULL, "text" text NOT NULL, "rule" text NOT NULL, "totals" text NOT NULL, "status" varchar(16) NOT NULL, "initiatorAccountId" integer NOT NULL, "initiatorResidentId" integer NOT NULL, "initiatorName" varchar(30) NOT NULL, "reachedAt" datetime, "deliberationId" integer, "withdrawnAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "moderation" varchar(10) NOT NULL DEFAULT ('shown'))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_petition"("id", "villageId", "target", "title", "text", "rule", "totals", "status", "initiatorAccountId", "initiatorResidentId", "initiatorName", "reachedAt", "deliberationId", "withdrawnAt", "createdAt", "updatedAt") SELECT "id", "villageId", "target", "title", "text", "rule", "totals", "status", "initiatorAccountId", "initiatorResidentId", "initiatorName", "reachedAt", "deliberationId", "withdrawnAt", "createdAt", "updatedAt" FROM "petition"`,
    )
    await queryRunner.query(`DROP TABLE "petition"`)
    await queryRunner.query(`ALTER TABLE "temporary_petition" RENAME TO "petition"`)
    await queryRunner.query(`CREATE INDEX "ix_petition_village" ON "petition" ("villageId", "status") `)
    await queryRunner.query(
      `CREATE INDEX "ix_petition_village_moderation" ON "petition" ("villageId", "moderation") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_petition_village_moderation"`)
    await queryRunner.query(`DROP INDEX "ix_petition_village"`)
    await queryRunner.query(`ALTER TABLE "petition" RENAME TO "temporary_petition"`)
    await queryRunner.query(
      `CREATE TABLE "petition" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "target" varchar(32) NOT NULL, "title" varchar(60) NOT NULL, "text" text NOT NULL, "rule" text NOT NULL, "totals" text NOT NULL, "status" varchar(16) NOT NULL, "initiatorAccountId" integer NOT NULL, "initiatorResidentId" integer NOT NULL, "initiatorName" varchar(30) NOT NULL, "reachedAt" datetime, "deliberationId" integer, "withdrawnAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "petition"("id", "villageId", "target", "title", "text", "rule", "totals", "status", "initiatorAccountId", "initiatorResidentId", "initiatorName", "reachedAt", "deliberationId", "withdrawnAt", "createdAt", "updatedAt") SELECT "id", "villageId", "target", "title", "text", "rule", "totals", "status", "initiatorAccountId", "initiatorResidentId", "initiatorName", "reachedAt", "deliberationId", "withdrawnAt", "createdAt", "updatedAt" FROM "temporary_petition"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_petition"`)
    await queryRunner.query(`CREATE INDEX "ix_petition_village" ON "petition" ("villageId", "status") `)
  }
}
