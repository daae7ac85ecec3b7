import type { MigrationInterface, QueryRunner } from 'typeorm'

export class PrivacyConsentsAndDeletions1796550744812Sqlite implements MigrationInterface {
  name = 'PrivacyConsentsAndDeletions1796550744812Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_deletion_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "pendingAccountId" integer, "state" varchar(16) NOT NULL, "requestedAt" datetime NOT NULL DEFAULT (datetime('now')), "processedAt" datetime, "processedByAccountId" integer, "outcome" text)`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_data_deletion_account" ON "data_deletion_request" ("accountId") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_data_deletion_pending" ON "data_deletion_request" ("pendingAccountId") `,
    )
    await queryRunner.query(
      `CREATE TABLE "privacy_consent" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "kind" varchar(16) NOT NULL, "version" integer NOT NULL, "acceptedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_privacy_consent_account" ON "privacy_consent" ("accountId", "kind", "version") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_privacy_consent_account"`)
    await queryRunner.query(`DROP TABLE "privacy_consent"`)
    await queryRunner.query(`DROP INDEX "uq_data_deletion_pending"`)
    await queryRunner.query(`DROP INDEX "ix_data_deletion_account"`)
    await queryRunner.query(`DROP TABLE "data_deletion_request"`)
  }
}
