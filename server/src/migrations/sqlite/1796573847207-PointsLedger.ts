import type { MigrationInterface, QueryRunner } from 'typeorm'

export class PointsLedger1796573847207Sqlite implements MigrationInterface {
  name = 'PointsLedger1796573847207Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "points_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "householdId" integer NOT NULL, "residentId" integer, "personName" varchar(30), "kind" varchar(20) NOT NULL, "points" integer NOT NULL, "sourceType" varchar(20) NOT NULL, "sourceId" integer NOT NULL, "sourceLabel" varchar(120) NOT NULL, "sourceKey" varchar(80) NOT NULL, "rulesVersion" integer, "earnedAt" datetime NOT NULL, "recordedByAccountId" integer, "recordedByName" varchar(30) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_points_entry_household" ON "points_entry" ("villageId", "householdId", "id") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_points_entry_source" ON "points_entry" ("villageId", "sourceKey") `,
    )
    await queryRunner.query(
      `CREATE TABLE "points_rules_version" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "version" integer NOT NULL, "points" text NOT NULL, "publishedOn" varchar(10) NOT NULL, "publishedByAccountId" integer NOT NULL, "publishedByName" varchar(30) NOT NULL, "publishedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_points_rules_version" ON "points_rules_version" ("villageId", "version") `,
    )
    await queryRunner.query(
      `CREATE TABLE "points_settings" ("villageId" integer PRIMARY KEY NOT NULL, "rankingPublic" boolean NOT NULL DEFAULT (0))`,
    )
    await queryRunner.query(
      `CREATE TABLE "points_shop_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "name" varchar(30) NOT NULL, "cost" integer NOT NULL, "stock" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_points_shop_item_village" ON "points_shop_item" ("villageId", "id") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_points_shop_item_village"`)
    await queryRunner.query(`DROP TABLE "points_shop_item"`)
    await queryRunner.query(`DROP TABLE "points_settings"`)
    await queryRunner.query(`DROP INDEX "uq_points_rules_version"`)
    await queryRunner.query(`DROP TABLE "points_rules_version"`)
    await queryRunner.query(`DROP INDEX "uq_points_entry_source"`)
    await queryRunner.query(`DROP INDEX "ix_points_entry_household"`)
    await queryRunner.query(`DROP TABLE "points_entry"`)
  }
}
