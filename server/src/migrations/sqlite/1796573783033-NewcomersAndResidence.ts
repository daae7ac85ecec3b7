import type { MigrationInterface, QueryRunner } from 'typeorm'

export class NewcomersAndResidence1796573783033Sqlite implements MigrationInterface {
  name = 'NewcomersAndResidence1796573783033Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "newcomer_application" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "villageId" integer NOT NULL, "name" varchar(30) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "pendingKey" varchar(80), "phoneEnc" varchar(128) NOT NULL, "phoneMasked" varchar(16) NOT NULL, "address" varchar(100) NOT NULL, "movedInOn" varchar(10) NOT NULL, "proofFileIds" text NOT NULL, "state" varchar(16) NOT NULL, "reason" varchar(200), "residentId" integer, "decidedByAccountId" integer, "decidedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_newcomer_application_pending" ON "newcomer_application" ("pendingKey") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_newcomer_application_account" ON "newcomer_application" ("accountId", "id") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_newcomer_application_village_state" ON "newcomer_application" ("villageId", "state", "id") `,
    )
    await queryRunner.query(`DROP INDEX "ix_resident_village_household"`)
    await queryRunner.query(`DROP INDEX "ix_resident_village_phone_hash"`)
    await queryRunner.query(`DROP INDEX "ix_resident_household"`)
    await queryRunner.query(`DROP INDEX "ix_resident_account"`)
    await queryRunner.query(`DROP INDEX "uq_resident_village_id_hash"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_resident" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "householdId" integer NOT NULL, "name" varchar(30) NOT NULL, "sex" varchar(8) NOT NULL, "birthDate" varchar(10) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16), "isHouseholdHead" boolean NOT NULL DEFAULT (0), "isHouseholdRep" boolean NOT NULL DEFAULT (0), "residency" varchar(16) NOT NULL, "accountId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "phoneEnc" varchar(128), "phoneHash" varchar(64), "phoneMasked" varchar(16), "residentSince" varchar(10), "proofFileId" integer, "takesPartOn" varchar(10), "admissionBody" varchar(32), "admissionRef" varchar(60), "admittedOn" varchar(10))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_resident"("id", "villageId", "householdId", "name", "sex", "birthDate", "idNumberEnc", "idNumberHash", "idNumberMasked", "phone", "isHouseholdHead", "isHouseholdRep", "residency", "accountId", "createdAt", "phoneEnc", "phoneHash", "phoneMasked") SELECT "id", "villageId", "householdId", "name", "sex", "birthDate", "idNumberEnc", "idNumberHash", "idNumberMasked", "phone", "isHouseholdHead", "isHouseholdRep", "residency", "accountId", "createdAt", "phoneEnc", "phoneHash", "phoneMasked" FROM "resident"`,
    )
    await queryRunner.query(`DROP TABLE "resident"`)
    await queryRunner.query(`ALTER TABLE "temporary_resident" RENAME TO "resident"`)
    await queryRunner.query(
      `CREATE INDEX "ix_resident_village_household" ON "resident" ("villageId", "householdId", "id") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_resident_village_phone_hash" ON "resident" ("villageId", "phoneHash") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_resident_household" ON "resident" ("householdId") `)
    await queryRunner.query(`CREATE INDEX "ix_resident_account" ON "resident" ("accountId") `)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_resident_village_id_hash" ON "resident" ("villageId", "idNumberHash") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_resident_village_id_hash"`)
    await queryRunner.query(`DROP INDEX "ix_resident_account"`)
    await queryRunner.query(`DROP INDEX "ix_resident_household"`)
    await queryRunner.query(`DROP INDEX "ix_resident_village_phone_hash"`)
    await queryRunner.query(`DROP INDEX "ix_resident_village_household"`)
    await queryRunner.query(`ALTER TABLE "resident" RENAME TO "temporary_resident"`)
    await queryRunner.query(
      `CREATE TABLE "resident" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "householdId" integer NOT NULL, "name" varchar(30) NOT NULL, "sex" varchar(8) NOT NULL, "birthDate" varchar(10) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16), "isHouseholdHead" boolean NOT NULL DEFAULT (0), "isHouseholdRep" boolean NOT NULL DEFAULT (0), "residency" varchar(16) NOT NULL, "accountId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "phoneEnc" varchar(128), "phoneHash" varchar(64), "phoneMasked" varchar(16))`,
    )
    await queryRunner.query(
      `INSERT INTO "resident"("id", "villageId", "householdId", "name", "sex", "birthDate", "idNumberEnc", "idNumberHash", "idNumberMasked", "phone", "isHouseholdHead", "isHouseholdRep", "residency", "accountId", "createdAt", "phoneEnc", "phoneHash", "phoneMasked") SELECT "id", "villageId", "householdId", "name", "sex", "birthDate", "idNumberEnc", "idNumberHash", "idNumberMasked", "phone", "isHouseholdHead", "isHouseholdRep", "residency", "accountId", "createdAt", "phoneEnc", "phoneHash", "phoneMasked" FROM "temporary_resident"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_resident"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_resident_village_id_hash" ON "resident" ("villageId", "idNumberHash") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_resident_account" ON "resident" ("accountId") `)
    await queryRunner.query(`CREATE INDEX "ix_resident_household" ON "resident" ("householdId") `)
    await queryRunner.query(
      `CREATE INDEX "ix_resident_village_phone_hash" ON "resident" ("villageId", "phoneHash") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_resident_village_household" ON "resident" ("villageId", "householdId", "id") `,
    )
    await queryRunner.query(`DROP INDEX "ix_newcomer_application_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_newcomer_application_account"`)
    await queryRunner.query(`DROP INDEX "uq_newcomer_application_pending"`)
    await queryRunner.query(`DROP TABLE "newcomer_application"`)
  }
}
