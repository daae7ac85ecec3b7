import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Initial1795607028899Sqlite implements MigrationInterface {
  name = 'Initial1795607028899Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("seq" integer PRIMARY KEY NOT NULL, "actorAccountId" integer, "actorName" varchar(64), "actorRole" varchar(32), "orgId" integer, "action" varchar(64) NOT NULL, "targetType" varchar(48) NOT NULL, "targetId" varchar(64) NOT NULL, "beforeDigest" varchar(64), "afterDigest" varchar(64), "at" varchar(24) NOT NULL, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)`,
    )
    await queryRunner.query(`CREATE INDEX "ix_audit_org_seq" ON "audit_entry" ("orgId", "seq") `)
    await queryRunner.query(
      `CREATE TABLE "audit_head" ("id" integer PRIMARY KEY NOT NULL, "lastSeq" integer NOT NULL, "lastHash" varchar(64) NOT NULL)`,
    )
    await queryRunner.query(
      `CREATE TABLE "idempotency_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "scope" varchar(24) NOT NULL, "key" varchar(128) NOT NULL, "requestHash" varchar(64) NOT NULL, "state" varchar(16) NOT NULL, "responseBody" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_idempotency_scope_key" ON "idempotency_record" ("scope", "key") `,
    )
    await queryRunner.query(
      `CREATE TABLE "account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64), "demoKey" varchar(64), "displayName" varchar(64) NOT NULL, "preferences" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lastLoginAt" datetime)`,
    )
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_openid" ON "account" ("openid") `)
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_demo_key" ON "account" ("demoKey") `)
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "tokenHash" varchar(64) NOT NULL, "familyId" varchar(36) NOT NULL, "expiresAt" datetime NOT NULL, "rotatedAt" datetime, "revokedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_account" ON "refresh_token" ("accountId") `)
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token" ("tokenHash") `)
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_family" ON "refresh_token" ("familyId") `)
    await queryRunner.query(
      `CREATE TABLE "org" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(16) NOT NULL, "name" varchar(64) NOT NULL, "code" varchar(32) NOT NULL, "parentId" integer, "settings" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_org_code" ON "org" ("code") `)
    await queryRunner.query(`CREATE INDEX "ix_org_parent" ON "org" ("parentId") `)
    await queryRunner.query(
      `CREATE TABLE "household" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "groupId" integer, "code" varchar(32) NOT NULL, "address" varchar(200), "headResidentId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_household_village_code" ON "household" ("villageId", "code") `,
    )
    await queryRunner.query(
      `CREATE TABLE "resident" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "householdId" integer NOT NULL, "name" varchar(30) NOT NULL, "sex" varchar(8) NOT NULL, "birthDate" varchar(10) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16), "isHouseholdHead" boolean NOT NULL DEFAULT (0), "isHouseholdRep" boolean NOT NULL DEFAULT (0), "residency" varchar(16) NOT NULL, "accountId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_resident_household" ON "resident" ("householdId") `)
    await queryRunner.query(`CREATE INDEX "ix_resident_account" ON "resident" ("accountId") `)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_resident_village_id_hash" ON "resident" ("villageId", "idNumberHash") `,
    )
    await queryRunner.query(
      `CREATE TABLE "verification_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "villageId" integer NOT NULL, "residentId" integer, "name" varchar(30) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "reason" varchar(200), "decidedByAccountId" integer, "decidedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_verification_account" ON "verification_request" ("accountId") `)
    await queryRunner.query(
      `CREATE INDEX "ix_verification_village_state" ON "verification_request" ("villageId", "state") `,
    )
    await queryRunner.query(
      `CREATE TABLE "role_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orgId" integer NOT NULL, "role" varchar(32) NOT NULL, "residentId" integer, "accountId" integer, "holder" varchar(24) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_role_assignment_resident" ON "role_assignment" ("residentId") `)
    await queryRunner.query(`CREATE INDEX "ix_role_assignment_account" ON "role_assignment" ("accountId") `)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_role_assignment" ON "role_assignment" ("orgId", "role", "holder") `,
    )
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "orgId" integer, "kind" varchar(48) NOT NULL, "title" varchar(100) NOT NULL, "body" text NOT NULL, "link" varchar(200), "readAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notification_account_read" ON "notification" ("accountId", "readAt") `,
    )
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "openid" varchar(64) NOT NULL, "templateId" varchar(64) NOT NULL, "page" varchar(200), "data" text NOT NULL, "state" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "nextAttemptAt" datetime NOT NULL, "claimedUntil" datetime, "lastError" varchar(300), "sentAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_outbox_due" ON "outbox_message" ("state", "nextAttemptAt") `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_outbox_due"`)
    await queryRunner.query(`DROP TABLE "outbox_message"`)
    await queryRunner.query(`DROP INDEX "ix_notification_account_read"`)
    await queryRunner.query(`DROP TABLE "notification"`)
    await queryRunner.query(`DROP INDEX "uq_role_assignment"`)
    await queryRunner.query(`DROP INDEX "ix_role_assignment_account"`)
    await queryRunner.query(`DROP INDEX "ix_role_assignment_resident"`)
    await queryRunner.query(`DROP TABLE "role_assignment"`)
    await queryRunner.query(`DROP INDEX "ix_verification_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_verification_account"`)
    await queryRunner.query(`DROP TABLE "verification_request"`)
    await queryRunner.query(`DROP INDEX "uq_resident_village_id_hash"`)
    await queryRunner.query(`DROP INDEX "ix_resident_account"`)
    await queryRunner.query(`DROP INDEX "ix_resident_household"`)
    await queryRunner.query(`DROP TABLE "resident"`)
    await queryRunner.query(`DROP INDEX "uq_household_village_code"`)
    await queryRunner.query(`DROP TABLE "household"`)
    await queryRunner.query(`DROP INDEX "ix_org_parent"`)
    await queryRunner.query(`DROP INDEX "uq_org_code"`)
    await queryRunner.query(`DROP TABLE "org"`)
    await queryRunner.query(`DROP INDEX "ix_refresh_token_family"`)
    await queryRunner.query(`DROP INDEX "uq_refresh_token_hash"`)
    await queryRunner.query(`DROP INDEX "ix_refresh_token_account"`)
    await queryRunner.query(`DROP TABLE "refresh_token"`)
    await queryRunner.query(`DROP INDEX "uq_account_demo_key"`)
    await queryRunner.query(`DROP INDEX "uq_account_openid"`)
    await queryRunner.query(`DROP TABLE "account"`)
    await queryRunner.query(`DROP INDEX "uq_idempotency_scope_key"`)
    await queryRunner.query(`DROP TABLE "idempotency_record"`)
    await queryRunner.query(`DROP TABLE "audit_head"`)
    await queryRunner.query(`DROP INDEX "ix_audit_org_seq"`)
    await queryRunner.query(`DROP TABLE "audit_entry"`)
  }
}
