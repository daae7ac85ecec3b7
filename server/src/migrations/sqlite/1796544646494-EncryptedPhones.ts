import type { MigrationInterface, QueryRunner } from 'typeorm'

export class EncryptedPhones1796544646494Sqlite implements MigrationInterface {
  name = 'EncryptedPhones1796544646494Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_resident_village_id_hash"`)
    await queryRunner.query(`DROP INDEX "ix_resident_account"`)
    await queryRunner.query(`DROP INDEX "ix_resident_household"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_resident" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "householdId" integer NOT NULL, "name" varchar(30) NOT NULL, "sex" varchar(8) NOT NULL, "birthDate" varchar(10) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16), "isHouseholdHead" boolean NOT NULL DEFAULT (0), "isHouseholdRep" boolean NOT NULL DEFAULT (0), "residency" varchar(16) NOT NULL, "accountId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "phoneEnc" varchar(128), "phoneHash" varchar(64), "phoneMasked" varchar(16))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_resident"("id", "villageId", "householdId", "name", "sex", "birthDate", "idNumberEnc", "idNumberHash", "idNumberMasked", "phone", "isHouseholdHead", "isHouseholdRep", "residency", "accountId", "createdAt") SELECT "id", "villageId", "householdId", "name", "sex", "birthDate", "idNumberEnc", "idNumberHash", "idNumberMasked", "phone", "isHouseholdHead", "isHouseholdRep", "residency", "accountId", "createdAt" FROM "resident"`,
    )
    await queryRunner.query(`DROP TABLE "resident"`)
    await queryRunner.query(`ALTER TABLE "temporary_resident" RENAME TO "resident"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_resident_village_id_hash" ON "resident" ("villageId", "idNumberHash") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_resident_account" ON "resident" ("accountId") `)
    await queryRunner.query(`CREATE INDEX "ix_resident_household" ON "resident" ("householdId") `)
    await queryRunner.query(`DROP INDEX "uq_verification_pending_resident"`)
    await queryRunner.query(`DROP INDEX "ix_verification_account"`)
    await queryRunner.query(`DROP INDEX "ix_verification_village_state"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_verification_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "villageId" integer NOT NULL, "residentId" integer, "name" varchar(30) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "reason" varchar(200), "decidedByAccountId" integer, "decidedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "pendingResidentId" integer, "phoneEnc" varchar(128), "phoneMasked" varchar(16))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_verification_request"("id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt", "pendingResidentId") SELECT "id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt", "pendingResidentId" FROM "verification_request"`,
    )
    await queryRunner.query(`DROP TABLE "verification_request"`)
    await queryRunner.query(`ALTER TABLE "temporary_verification_request" RENAME TO "verification_request"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_verification_pending_resident" ON "verification_request" ("pendingResidentId") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_verification_account" ON "verification_request" ("accountId") `)
    await queryRunner.query(
      `CREATE INDEX "ix_verification_village_state" ON "verification_request" ("villageId", "state") `,
    )
    await queryRunner.query(`DROP INDEX "uq_verification_pending_resident"`)
    await queryRunner.query(`DROP INDEX "ix_verification_account"`)
    await queryRunner.query(`DROP INDEX "ix_verification_village_state"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_verification_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "villageId" integer NOT NULL, "residentId" integer, "name" varchar(30) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16), "state" varchar(16) NOT NULL, "reason" varchar(200), "decidedByAccountId" integer, "decidedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "pendingResidentId" integer, "phoneEnc" varchar(128), "phoneMasked" varchar(16))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_verification_request"("id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt", "pendingResidentId", "phoneEnc", "phoneMasked") SELECT "id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt", "pendingResidentId", "phoneEnc", "phoneMasked" FROM "verification_request"`,
    )
    await queryRunner.query(`DROP TABLE "verification_request"`)
    await queryRunner.query(`ALTER TABLE "temporary_verification_request" RENAME TO "verification_request"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_verification_pending_resident" ON "verification_request" ("pendingResidentId") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_verification_account" ON "verification_request" ("accountId") `)
    await queryRunner.query(
      `CREATE INDEX "ix_verification_village_state" ON "verification_request" ("villageId", "state") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_resident_village_phone_hash" ON "resident" ("villageId", "phoneHash") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Going back cannot decrypt (a migration does not hold the field key): the encrypted phones go
    // with their columns, and a claim's phone, NOT NULL again, is left empty. To go back with the
    // numbers, restore the backup taken before the upgrade (docs/operations.md).
    await queryRunner.query(`UPDATE verification_request SET phone = '' WHERE phone IS NULL`)
    await queryRunner.query(`DROP INDEX "ix_resident_village_phone_hash"`)
    await queryRunner.query(`DROP INDEX "ix_verification_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_verification_account"`)
    await queryRunner.query(`DROP INDEX "uq_verification_pending_resident"`)
    await queryRunner.query(`ALTER TABLE "verification_request" RENAME TO "temporary_verification_request"`)
    await queryRunner.query(
      `CREATE TABLE "verification_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "villageId" integer NOT NULL, "residentId" integer, "name" varchar(30) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "reason" varchar(200), "decidedByAccountId" integer, "decidedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "pendingResidentId" integer, "phoneEnc" varchar(128), "phoneMasked" varchar(16))`,
    )
    await queryRunner.query(
      `INSERT INTO "verification_request"("id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt", "pendingResidentId", "phoneEnc", "phoneMasked") SELECT "id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt", "pendingResidentId", "phoneEnc", "phoneMasked" FROM "temporary_verification_request"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_verification_request"`)
    await queryRunner.query(
      `CREATE INDEX "ix_verification_village_state" ON "verification_request" ("villageId", "state") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_verification_account" ON "verification_request" ("accountId") `)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_verification_pending_resident" ON "verification_request" ("pendingResidentId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_verification_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_verification_account"`)
    await queryRunner.query(`DROP INDEX "uq_verification_pending_resident"`)
    await queryRunner.query(`ALTER TABLE "verification_request" RENAME TO "temporary_verification_request"`)
    await queryRunner.query(
      `CREATE TABLE "verification_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "villageId" integer NOT NULL, "residentId" integer, "name" varchar(30) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "reason" varchar(200), "decidedByAccountId" integer, "decidedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "pendingResidentId" integer)`,
    )
    await queryRunner.query(
      `INSERT INTO "verification_request"("id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt", "pendingResidentId") SELECT "id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt", "pendingResidentId" FROM "temporary_verification_request"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_verification_request"`)
    await queryRunner.query(
      `CREATE INDEX "ix_verification_village_state" ON "verification_request" ("villageId", "state") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_verification_account" ON "verification_request" ("accountId") `)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_verification_pending_resident" ON "verification_request" ("pendingResidentId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_resident_household"`)
    await queryRunner.query(`DROP INDEX "ix_resident_account"`)
    await queryRunner.query(`DROP INDEX "uq_resident_village_id_hash"`)
    await queryRunner.query(`ALTER TABLE "resident" RENAME TO "temporary_resident"`)
    await queryRunner.query(
      `CREATE TABLE "resident" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "householdId" integer NOT NULL, "name" varchar(30) NOT NULL, "sex" varchar(8) NOT NULL, "birthDate" varchar(10) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16), "isHouseholdHead" boolean NOT NULL DEFAULT (0), "isHouseholdRep" boolean NOT NULL DEFAULT (0), "residency" varchar(16) NOT NULL, "accountId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "resident"("id", "villageId", "householdId", "name", "sex", "birthDate", "idNumberEnc", "idNumberHash", "idNumberMasked", "phone", "isHouseholdHead", "isHouseholdRep", "residency", "accountId", "createdAt") SELECT "id", "villageId", "householdId", "name", "sex", "birthDate", "idNumberEnc", "idNumberHash", "idNumberMasked", "phone", "isHouseholdHead", "isHouseholdRep", "residency", "accountId", "createdAt" FROM "temporary_resident"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_resident"`)
    await queryRunner.query(`CREATE INDEX "ix_resident_household" ON "resident" ("householdId") `)
    await queryRunner.query(`CREATE INDEX "ix_resident_account" ON "resident" ("accountId") `)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_resident_village_id_hash" ON "resident" ("villageId", "idNumberHash") `,
    )
  }
}
