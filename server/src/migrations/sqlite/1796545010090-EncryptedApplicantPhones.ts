import type { MigrationInterface, QueryRunner } from 'typeorm'

export class EncryptedApplicantPhones1796545010090Sqlite implements MigrationInterface {
  name = 'EncryptedApplicantPhones1796545010090Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_issued"`)
    await queryRunner.query(`DROP INDEX "uq_certificate_request_number"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_applicant"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_certificate_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "applicantAccountId" integer NOT NULL, "applicantResidentId" integer NOT NULL, "applicantName" varchar(30) NOT NULL, "applicantPhone" varchar(16), "itemCode" varchar(40) NOT NULL, "itemName" varchar(30) NOT NULL, "timeLimitDays" integer NOT NULL, "purpose" varchar(100) NOT NULL, "fieldsEnc" text NOT NULL, "materialIds" text NOT NULL, "copies" integer NOT NULL, "state" varchar(24) NOT NULL, "dueAt" datetime, "infoRequest" varchar(200), "refuseReason" varchar(200), "decidedByAccountId" integer, "decidedByName" varchar(64), "decidedAt" datetime, "number" varchar(40), "issuedYear" integer, "verificationCode" varchar(8), "issuedAt" datetime, "bodyEnc" text, "revokedAt" datetime, "revokeReason" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "applicantPhoneEnc" varchar(128))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_certificate_request"("id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt") SELECT "id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt" FROM "certificate_request"`,
    )
    await queryRunner.query(`DROP TABLE "certificate_request"`)
    await queryRunner.query(`ALTER TABLE "temporary_certificate_request" RENAME TO "certificate_request"`)
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_state" ON "certificate_request" ("villageId", "state") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_issued" ON "certificate_request" ("villageId", "issuedAt") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_request_number" ON "certificate_request" ("number") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_applicant" ON "certificate_request" ("applicantAccountId") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_certificate_request_applicant"`)
    await queryRunner.query(`DROP INDEX "uq_certificate_request_number"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_issued"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_state"`)
    await queryRunner.query(`ALTER TABLE "certificate_request" RENAME TO "temporary_certificate_request"`)
    await queryRunner.query(
      `CREATE TABLE "certificate_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "applicantAccountId" integer NOT NULL, "applicantResidentId" integer NOT NULL, "applicantName" varchar(30) NOT NULL, "applicantPhone" varchar(16), "itemCode" varchar(40) NOT NULL, "itemName" varchar(30) NOT NULL, "timeLimitDays" integer NOT NULL, "purpose" varchar(100) NOT NULL, "fieldsEnc" text NOT NULL, "materialIds" text NOT NULL, "copies" integer NOT NULL, "state" varchar(24) NOT NULL, "dueAt" datetime, "infoRequest" varchar(200), "refuseReason" varchar(200), "decidedByAccountId" integer, "decidedByName" varchar(64), "decidedAt" datetime, "number" varchar(40), "issuedYear" integer, "verificationCode" varchar(8), "issuedAt" datetime, "bodyEnc" text, "revokedAt" datetime, "revokeReason" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "certificate_request"("id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt") SELECT "id", "villageId", "applicantAccountId", "applicantResidentId", "applicantName", "applicantPhone", "itemCode", "itemName", "timeLimitDays", "purpose", "fieldsEnc", "materialIds", "copies", "state", "dueAt", "infoRequest", "refuseReason", "decidedByAccountId", "decidedByName", "decidedAt", "number", "issuedYear", "verificationCode", "issuedAt", "bodyEnc", "revokedAt", "revokeReason", "createdAt", "updatedAt" FROM "temporary_certificate_request"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_certificate_request"`)
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_applicant" ON "certificate_request" ("applicantAccountId") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_request_number" ON "certificate_request" ("number") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_issued" ON "certificate_request" ("villageId", "issuedAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_request_village_state" ON "certificate_request" ("villageId", "state") `,
    )
  }
}
