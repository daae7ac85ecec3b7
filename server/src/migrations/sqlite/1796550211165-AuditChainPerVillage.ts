import type { MigrationInterface, QueryRunner } from 'typeorm'

export class AuditChainPerVillage1796550211165Sqlite implements MigrationInterface {
  name = 'AuditChainPerVillage1796550211165Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_verify_run" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mode" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "checked" integer NOT NULL DEFAULT (0), "total" integer NOT NULL DEFAULT (0), "result" text, "requestedBy" integer, "startedAt" datetime NOT NULL DEFAULT (datetime('now')), "progressAt" datetime NOT NULL, "finishedAt" datetime)`,
    )
    await queryRunner.query(`DROP INDEX "ix_audit_org_seq"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_entry" ("seq" integer PRIMARY KEY NOT NULL, "actorAccountId" integer, "actorName" varchar(64), "actorRole" varchar(32), "orgId" integer, "action" varchar(64) NOT NULL, "targetType" varchar(48) NOT NULL, "targetId" varchar(64) NOT NULL, "beforeDigest" varchar(64), "afterDigest" varchar(64), "at" varchar(24) NOT NULL, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, "chain" integer NOT NULL DEFAULT (0), "link" integer NOT NULL DEFAULT (0))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_audit_entry"("seq", "actorAccountId", "actorName", "actorRole", "orgId", "action", "targetType", "targetId", "beforeDigest", "afterDigest", "at", "prevHash", "hash") SELECT "seq", "actorAccountId", "actorName", "actorRole", "orgId", "action", "targetType", "targetId", "beforeDigest", "afterDigest", "at", "prevHash", "hash" FROM "audit_entry"`,
    )
    await queryRunner.query(`DROP TABLE "audit_entry"`)
    await queryRunner.query(`ALTER TABLE "temporary_audit_entry" RENAME TO "audit_entry"`)
    await queryRunner.query(`CREATE INDEX "ix_audit_org_seq" ON "audit_entry" ("orgId", "seq") `)
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_head" ("id" integer PRIMARY KEY NOT NULL, "lastSeq" integer NOT NULL, "lastHash" varchar(64) NOT NULL, "verifiedLink" integer NOT NULL DEFAULT (0), "verifiedHash" varchar(64) NOT NULL DEFAULT ('0000000000000000000000000000000000000000000000000000000000000000'))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_audit_head"("id", "lastSeq", "lastHash") SELECT "id", "lastSeq", "lastHash" FROM "audit_head"`,
    )
    await queryRunner.query(`DROP TABLE "audit_head"`)
    await queryRunner.query(`ALTER TABLE "temporary_audit_head" RENAME TO "audit_head"`)
    await queryRunner.query(`DROP INDEX "ix_audit_org_seq"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_entry" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actorAccountId" integer, "actorName" varchar(64), "actorRole" varchar(32), "orgId" integer, "action" varchar(64) NOT NULL, "targetType" varchar(48) NOT NULL, "targetId" varchar(64) NOT NULL, "beforeDigest" varchar(64), "afterDigest" varchar(64), "at" varchar(24) NOT NULL, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, "chain" integer NOT NULL DEFAULT (0), "link" integer NOT NULL DEFAULT (0))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_audit_entry"("seq", "actorAccountId", "actorName", "actorRole", "orgId", "action", "targetType", "targetId", "beforeDigest", "afterDigest", "at", "prevHash", "hash", "chain", "link") SELECT "seq", "actorAccountId", "actorName", "actorRole", "orgId", "action", "targetType", "targetId", "beforeDigest", "afterDigest", "at", "prevHash", "hash", "chain", "link" FROM "audit_entry"`,
    )
    await queryRunner.query(`DROP TABLE "audit_entry"`)
    await queryRunner.query(`ALTER TABLE "temporary_audit_entry" RENAME TO "audit_entry"`)
    // the one chain so far becomes chain 0, each entry's place in it its old number, so its hash holds
    await queryRunner.query(`UPDATE "audit_entry" SET "chain" = 0, "link" = "seq"`)
    await queryRunner.query(`UPDATE "audit_head" SET "id" = 0 WHERE "id" = 1`)
    await queryRunner.query(`CREATE INDEX "ix_audit_target" ON "audit_entry" ("targetType", "targetId") `)
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_audit_chain_link" ON "audit_entry" ("chain", "link") `)
    await queryRunner.query(`CREATE INDEX "ix_audit_org_seq" ON "audit_entry" ("orgId", "seq") `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_audit_org_seq"`)
    await queryRunner.query(`DROP INDEX "uq_audit_chain_link"`)
    await queryRunner.query(`DROP INDEX "ix_audit_target"`)
    await queryRunner.query(`ALTER TABLE "audit_entry" RENAME TO "temporary_audit_entry"`)
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("seq" integer PRIMARY KEY NOT NULL, "actorAccountId" integer, "actorName" varchar(64), "actorRole" varchar(32), "orgId" integer, "action" varchar(64) NOT NULL, "targetType" varchar(48) NOT NULL, "targetId" varchar(64) NOT NULL, "beforeDigest" varchar(64), "afterDigest" varchar(64), "at" varchar(24) NOT NULL, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, "chain" integer NOT NULL DEFAULT (0), "link" integer NOT NULL DEFAULT (0))`,
    )
    await queryRunner.query(
      `INSERT INTO "audit_entry"("seq", "actorAccountId", "actorName", "actorRole", "orgId", "action", "targetType", "targetId", "beforeDigest", "afterDigest", "at", "prevHash", "hash", "chain", "link") SELECT "seq", "actorAccountId", "actorName", "actorRole", "orgId", "action", "targetType", "targetId", "beforeDigest", "afterDigest", "at", "prevHash", "hash", "chain", "link" FROM "temporary_audit_entry"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_audit_entry"`)
    await queryRunner.query(`CREATE INDEX "ix_audit_org_seq" ON "audit_entry" ("orgId", "seq") `)
    await queryRunner.query(`ALTER TABLE "audit_head" RENAME TO "temporary_audit_head"`)
    await queryRunner.query(
      `CREATE TABLE "audit_head" ("id" integer PRIMARY KEY NOT NULL, "lastSeq" integer NOT NULL, "lastHash" varchar(64) NOT NULL)`,
    )
    await queryRunner.query(
      `INSERT INTO "audit_head"("id", "lastSeq", "lastHash") SELECT "id", "lastSeq", "lastHash" FROM "temporary_audit_head"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_audit_head"`)
    await queryRunner.query(`DROP INDEX "ix_audit_org_seq"`)
    await queryRunner.query(`ALTER TABLE "audit_entry" RENAME TO "temporary_audit_entry"`)
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("seq" integer PRIMARY KEY NOT NULL, "actorAccountId" integer, "actorName" varchar(64), "actorRole" varchar(32), "orgId" integer, "action" varchar(64) NOT NULL, "targetType" varchar(48) NOT NULL, "targetId" varchar(64) NOT NULL, "beforeDigest" varchar(64), "afterDigest" varchar(64), "at" varchar(24) NOT NULL, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)`,
    )
    await queryRunner.query(
      `INSERT INTO "audit_entry"("seq", "actorAccountId", "actorName", "actorRole", "orgId", "action", "targetType", "targetId", "beforeDigest", "afterDigest", "at", "prevHash", "hash") SELECT "seq", "actorAccountId", "actorName", "actorRole", "orgId", "action", "targetType", "targetId", "beforeDigest", "afterDigest", "at", "prevHash", "hash" FROM "temporary_audit_entry"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_audit_entry"`)
    await queryRunner.query(`CREATE INDEX "ix_audit_org_seq" ON "audit_entry" ("orgId", "seq") `)
    await queryRunner.query(`DROP TABLE "audit_verify_run"`)
  }
}
