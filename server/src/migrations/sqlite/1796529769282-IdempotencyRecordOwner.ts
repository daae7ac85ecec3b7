import type { MigrationInterface, QueryRunner } from 'typeorm'

export class IdempotencyRecordOwner1796529769282Sqlite implements MigrationInterface {
  name = 'IdempotencyRecordOwner1796529769282Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_idempotency_scope_key"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_idempotency_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "scope" varchar(24) NOT NULL, "key" varchar(128) NOT NULL, "requestHash" varchar(64) NOT NULL, "state" varchar(16) NOT NULL, "responseBody" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "owner" varchar(160))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_idempotency_record"("id", "scope", "key", "requestHash", "state", "responseBody", "createdAt") SELECT "id", "scope", "key", "requestHash", "state", "responseBody", "createdAt" FROM "idempotency_record"`,
    )
    await queryRunner.query(`DROP TABLE "idempotency_record"`)
    await queryRunner.query(`ALTER TABLE "temporary_idempotency_record" RENAME TO "idempotency_record"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_idempotency_scope_key" ON "idempotency_record" ("scope", "key") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_idempotency_scope_key"`)
    await queryRunner.query(`ALTER TABLE "idempotency_record" RENAME TO "temporary_idempotency_record"`)
    await queryRunner.query(
      `CREATE TABLE "idempotency_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "scope" varchar(24) NOT NULL, "key" varchar(128) NOT NULL, "requestHash" varchar(64) NOT NULL, "state" varchar(16) NOT NULL, "responseBody" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "idempotency_record"("id", "scope", "key", "requestHash", "state", "responseBody", "createdAt") SELECT "id", "scope", "key", "requestHash", "state", "responseBody", "createdAt" FROM "temporary_idempotency_record"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_idempotency_record"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_idempotency_scope_key" ON "idempotency_record" ("scope", "key") `,
    )
  }
}
