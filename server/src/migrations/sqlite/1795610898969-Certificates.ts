import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Certificates1795610898969Sqlite implements MigrationInterface {
  name = 'Certificates1795610898969Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "certificate_catalogue_override" ("scope" varchar(8) NOT NULL, "scopeKey" varchar(32) NOT NULL, "override" text NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), PRIMARY KEY ("scope", "scopeKey"))`,
    )
    await queryRunner.query(
      `CREATE TABLE "certificate_counter" ("villageId" integer NOT NULL, "year" integer NOT NULL, "lastSequence" integer NOT NULL, PRIMARY KEY ("villageId", "year"))`,
    )
    await queryRunner.query(
      `CREATE TABLE "certificate_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "applicantAccountId" integer NOT NULL, "applicantResidentId" integer NOT NULL, "applicantName" varchar(30) NOT NULL, "applicantPhone" varchar(16), "itemCode" varchar(40) NOT NULL, "itemName" varchar(30) NOT NULL, "timeLimitDays" integer NOT NULL, "purpose" varchar(100) NOT NULL, "fieldsEnc" text NOT NULL, "materialIds" text NOT NULL, "copies" integer NOT NULL, "state" varchar(24) NOT NULL, "dueAt" datetime, "infoRequest" varchar(200), "refuseReason" varchar(200), "decidedByAccountId" integer, "decidedByName" varchar(64), "decidedAt" datetime, "number" varchar(40), "issuedYear" integer, "verificationCode" varchar(8), "issuedAt" datetime, "bodyEnc" text, "revokedAt" datetime, "revokeReason" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
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
    await queryRunner.query(
      `CREATE TABLE "seal_use_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "requestId" integer NOT NULL, "at" datetime NOT NULL, "certificateNumber" varchar(40) NOT NULL, "itemCode" varchar(40) NOT NULL, "itemName" varchar(30) NOT NULL, "copies" integer NOT NULL, "approverName" varchar(64) NOT NULL, "handlerName" varchar(64) NOT NULL, "applicantName" varchar(30) NOT NULL, "applicantPhoneMasked" varchar(16) NOT NULL)`,
    )
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_seal_use_request" ON "seal_use_record" ("requestId") `)
    await queryRunner.query(`CREATE INDEX "ix_seal_use_village_at" ON "seal_use_record" ("villageId", "at") `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_seal_use_village_at"`)
    await queryRunner.query(`DROP INDEX "uq_seal_use_request"`)
    await queryRunner.query(`DROP TABLE "seal_use_record"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_village_issued"`)
    await queryRunner.query(`DROP INDEX "uq_certificate_request_number"`)
    await queryRunner.query(`DROP INDEX "ix_certificate_request_applicant"`)
    await queryRunner.query(`DROP TABLE "certificate_request"`)
    await queryRunner.query(`DROP TABLE "certificate_counter"`)
    await queryRunner.query(`DROP TABLE "certificate_catalogue_override"`)
  }
}
