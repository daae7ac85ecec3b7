import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ConvenienceServices1796575298028Sqlite implements MigrationInterface {
  name = 'ConvenienceServices1796575298028Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "service_catalogue_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "countyId" integer NOT NULL, "code" varchar(32) NOT NULL, "name" varchar(30) NOT NULL, "office" varchar(40) NOT NULL, "materials" text NOT NULL, "timeLimitDays" integer NOT NULL, "dayKind" varchar(8) NOT NULL, "handling" varchar(8) NOT NULL, "description" text NOT NULL, "active" boolean NOT NULL DEFAULT (1), "version" integer NOT NULL DEFAULT (1), "updatedByName" varchar(30) NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "uq_service_item_county_code" UNIQUE ("countyId", "code"))`,
    )
    await queryRunner.query(
      `CREATE TABLE "service_request_step" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requestId" integer NOT NULL, "kind" varchar(16) NOT NULL, "at" datetime NOT NULL, "byAccountId" integer NOT NULL, "byName" varchar(30) NOT NULL, "office" varchar(40), "receiver" varchar(30), "note" text, "photoId" integer)`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_service_step_request" ON "service_request_step" ("requestId", "id") `,
    )
    await queryRunner.query(
      `CREATE TABLE "service_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "residentId" integer NOT NULL, "residentName" varchar(30) NOT NULL, "accountId" integer, "itemCode" varchar(32) NOT NULL, "itemVersion" integer NOT NULL, "itemName" varchar(30) NOT NULL, "office" varchar(40) NOT NULL, "handling" varchar(8) NOT NULL, "timeLimitDays" integer NOT NULL, "dayKind" varchar(8) NOT NULL, "materialsAsked" text NOT NULL, "materialsBrought" text NOT NULL, "note" text NOT NULL, "photoIds" text NOT NULL, "proxy" text, "state" varchar(12) NOT NULL, "dueOn" varchar(10) NOT NULL, "refuseReason" varchar(200), "closedAt" datetime, "submittedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_service_request_account" ON "service_request" ("accountId") `)
    await queryRunner.query(
      `CREATE INDEX "ix_service_request_resident" ON "service_request" ("villageId", "residentId", "id") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_service_request_village" ON "service_request" ("villageId", "state", "id") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_service_request_village"`)
    await queryRunner.query(`DROP INDEX "ix_service_request_resident"`)
    await queryRunner.query(`DROP INDEX "ix_service_request_account"`)
    await queryRunner.query(`DROP TABLE "service_request"`)
    await queryRunner.query(`DROP INDEX "ix_service_step_request"`)
    await queryRunner.query(`DROP TABLE "service_request_step"`)
    await queryRunner.query(`DROP TABLE "service_catalogue_item"`)
  }
}
