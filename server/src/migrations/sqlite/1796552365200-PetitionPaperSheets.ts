import type { MigrationInterface, QueryRunner } from 'typeorm'

export class PetitionPaperSheets1796552365200Sqlite implements MigrationInterface {
  name = 'PetitionPaperSheets1796552365200Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "petition_paper_sheet" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "petitionId" integer NOT NULL, "villageId" integer NOT NULL, "photoId" integer NOT NULL, "counted" text NOT NULL, "alreadySigned" text NOT NULL, "notEligible" text NOT NULL, "recordedByAccountId" integer NOT NULL, "recordedByName" varchar(30) NOT NULL, "recordedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_petition_paper_sheet_petition" ON "petition_paper_sheet" ("petitionId", "id") `,
    )
    await queryRunner.query(`DROP INDEX "uq_petition_signature"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_petition_signature" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "petitionId" integer NOT NULL, "residentId" integer NOT NULL, "householdId" integer NOT NULL, "accountId" integer NOT NULL, "asAdult" boolean NOT NULL, "asRepresentative" boolean NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "sheetId" integer)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_petition_signature"("id", "petitionId", "residentId", "householdId", "accountId", "asAdult", "asRepresentative", "createdAt") SELECT "id", "petitionId", "residentId", "householdId", "accountId", "asAdult", "asRepresentative", "createdAt" FROM "petition_signature"`,
    )
    await queryRunner.query(`DROP TABLE "petition_signature"`)
    await queryRunner.query(`ALTER TABLE "temporary_petition_signature" RENAME TO "petition_signature"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_petition_signature" ON "petition_signature" ("petitionId", "residentId") `,
    )
    await queryRunner.query(`DROP INDEX "uq_petition_signature"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_petition_signature" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "petitionId" integer NOT NULL, "residentId" integer NOT NULL, "householdId" integer NOT NULL, "accountId" integer, "asAdult" boolean NOT NULL, "asRepresentative" boolean NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "sheetId" integer)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_petition_signature"("id", "petitionId", "residentId", "householdId", "accountId", "asAdult", "asRepresentative", "createdAt", "sheetId") SELECT "id", "petitionId", "residentId", "householdId", "accountId", "asAdult", "asRepresentative", "createdAt", "sheetId" FROM "petition_signature"`,
    )
    await queryRunner.query(`DROP TABLE "petition_signature"`)
    await queryRunner.query(`ALTER TABLE "temporary_petition_signature" RENAME TO "petition_signature"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_petition_signature" ON "petition_signature" ("petitionId", "residentId") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_petition_signature"`)
    await queryRunner.query(`ALTER TABLE "petition_signature" RENAME TO "temporary_petition_signature"`)
    await queryRunner.query(
      `CREATE TABLE "petition_signature" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "petitionId" integer NOT NULL, "residentId" integer NOT NULL, "householdId" integer NOT NULL, "accountId" integer NOT NULL, "asAdult" boolean NOT NULL, "asRepresentative" boolean NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "sheetId" integer)`,
    )
    await queryRunner.query(
      `INSERT INTO "petition_signature"("id", "petitionId", "residentId", "householdId", "accountId", "asAdult", "asRepresentative", "createdAt", "sheetId") SELECT "id", "petitionId", "residentId", "householdId", "accountId", "asAdult", "asRepresentative", "createdAt", "sheetId" FROM "temporary_petition_signature"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_petition_signature"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_petition_signature" ON "petition_signature" ("petitionId", "residentId") `,
    )
    await queryRunner.query(`DROP INDEX "uq_petition_signature"`)
    await queryRunner.query(`ALTER TABLE "petition_signature" RENAME TO "temporary_petition_signature"`)
    await queryRunner.query(
      `CREATE TABLE "petition_signature" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "petitionId" integer NOT NULL, "residentId" integer NOT NULL, "householdId" integer NOT NULL, "accountId" integer NOT NULL, "asAdult" boolean NOT NULL, "asRepresentative" boolean NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "petition_signature"("id", "petitionId", "residentId", "householdId", "accountId", "asAdult", "asRepresentative", "createdAt") SELECT "id", "petitionId", "residentId", "householdId", "accountId", "asAdult", "asRepresentative", "createdAt" FROM "temporary_petition_signature"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_petition_signature"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_petition_signature" ON "petition_signature" ("petitionId", "residentId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_petition_paper_sheet_petition"`)
    await queryRunner.query(`DROP TABLE "petition_paper_sheet"`)
  }
}
