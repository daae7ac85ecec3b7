import type { MigrationInterface, QueryRunner } from 'typeorm'

export class VillageRules1796562284897Sqlite implements MigrationInterface {
  name = 'VillageRules1796562284897Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "village_rules_correction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "filingId" integer NOT NULL, "villageId" integer NOT NULL, "clause" varchar(200) NOT NULL, "reason" varchar(500) NOT NULL, "orderedAt" datetime NOT NULL, "orderedByAccountId" integer NOT NULL, "orderedByName" varchar(30) NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_village_rules_correction_filing" ON "village_rules_correction" ("filingId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "village_rules_filing" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "versionId" integer NOT NULL, "villageId" integer NOT NULL, "townshipId" integer NOT NULL, "filedAt" datetime NOT NULL, "filedByAccountId" integer NOT NULL, "filedByName" varchar(30) NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_village_rules_filing_version" ON "village_rules_filing" ("versionId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_village_rules_filing_township" ON "village_rules_filing" ("townshipId", "filedAt") `,
    )
    await queryRunner.query(
      `CREATE TABLE "village_rules_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "kind" varchar(16) NOT NULL, "number" integer NOT NULL, "title" varchar(60) NOT NULL, "text" text NOT NULL, "status" varchar(16) NOT NULL, "basedOnId" integer, "deliberationId" integer, "contentHash" varchar(64), "adoptedAt" datetime, "createdByAccountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_village_rules_version_deliberation" ON "village_rules_version" ("deliberationId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_village_rules_version_status" ON "village_rules_version" ("villageId", "status") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_village_rules_version_number" ON "village_rules_version" ("villageId", "kind", "number") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ux_village_rules_version_number"`)
    await queryRunner.query(`DROP INDEX "ix_village_rules_version_status"`)
    await queryRunner.query(`DROP INDEX "ix_village_rules_version_deliberation"`)
    await queryRunner.query(`DROP TABLE "village_rules_version"`)
    await queryRunner.query(`DROP INDEX "ix_village_rules_filing_township"`)
    await queryRunner.query(`DROP INDEX "ux_village_rules_filing_version"`)
    await queryRunner.query(`DROP TABLE "village_rules_filing"`)
    await queryRunner.query(`DROP INDEX "ix_village_rules_correction_filing"`)
    await queryRunner.query(`DROP TABLE "village_rules_correction"`)
  }
}
