import type { MigrationInterface, QueryRunner } from 'typeorm'

export class SubscribeCredits1796543498931Sqlite implements MigrationInterface {
  name = 'SubscribeCredits1796543498931Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "subscribe_credit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "templateId" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "usedAt" datetime, "usedFor" integer)`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_subscribe_credit_used_for" ON "subscribe_credit" ("usedFor") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_subscribe_credit_open" ON "subscribe_credit" ("accountId", "templateId", "usedAt") `,
    )
    await queryRunner.query(`DROP INDEX "ix_outbox_due"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_outbox_message" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "templateId" varchar(64) NOT NULL, "page" varchar(200), "data" text NOT NULL, "state" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "nextAttemptAt" datetime NOT NULL, "claimedUntil" datetime, "lastError" varchar(300), "sentAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "accountId" integer)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_outbox_message"("id", "openid", "templateId", "page", "data", "state", "attempts", "nextAttemptAt", "claimedUntil", "lastError", "sentAt", "createdAt") SELECT "id", "openid", "templateId", "page", "data", "state", "attempts", "nextAttemptAt", "claimedUntil", "lastError", "sentAt", "createdAt" FROM "outbox_message"`,
    )
    await queryRunner.query(`DROP TABLE "outbox_message"`)
    await queryRunner.query(`ALTER TABLE "temporary_outbox_message" RENAME TO "outbox_message"`)
    await queryRunner.query(`CREATE INDEX "ix_outbox_due" ON "outbox_message" ("state", "nextAttemptAt") `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_outbox_due"`)
    await queryRunner.query(`ALTER TABLE "outbox_message" RENAME TO "temporary_outbox_message"`)
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "templateId" varchar(64) NOT NULL, "page" varchar(200), "data" text NOT NULL, "state" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "nextAttemptAt" datetime NOT NULL, "claimedUntil" datetime, "lastError" varchar(300), "sentAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "outbox_message"("id", "openid", "templateId", "page", "data", "state", "attempts", "nextAttemptAt", "claimedUntil", "lastError", "sentAt", "createdAt") SELECT "id", "openid", "templateId", "page", "data", "state", "attempts", "nextAttemptAt", "claimedUntil", "lastError", "sentAt", "createdAt" FROM "temporary_outbox_message"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_outbox_message"`)
    await queryRunner.query(`CREATE INDEX "ix_outbox_due" ON "outbox_message" ("state", "nextAttemptAt") `)
    await queryRunner.query(`DROP INDEX "ix_subscribe_credit_open"`)
    await queryRunner.query(`DROP INDEX "uq_subscribe_credit_used_for"`)
    await queryRunner.query(`DROP TABLE "subscribe_credit"`)
  }
}
