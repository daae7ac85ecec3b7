import type { MigrationInterface, QueryRunner } from 'typeorm'

export class SessionsAndPendingClaims1796527703692Sqlite implements MigrationInterface {
  name = 'SessionsAndPendingClaims1796527703692Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "endedAt" datetime, "endReason" varchar(16))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_auth_session_account" ON "auth_session" ("accountId") `)
    // hand-written: every login made before sessions existed becomes one, so its refresh token keeps
    // working and the access tokens it is refreshed into name a live session; a family whose every
    // token was revoked is an ended session (whether by logout or by reuse was not recorded)
    await queryRunner.query(
      `INSERT INTO auth_session (id, accountId, createdAt, endedAt, endReason)
       SELECT familyId, MIN(accountId), MIN(createdAt),
              CASE WHEN COUNT(revokedAt) = COUNT(*) THEN MAX(revokedAt) END,
              CASE WHEN COUNT(revokedAt) = COUNT(*) THEN 'logout' END
         FROM refresh_token GROUP BY familyId`,
    )
    await queryRunner.query(`DROP INDEX "ix_verification_village_state"`)
    await queryRunner.query(`DROP INDEX "ix_verification_account"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_verification_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "villageId" integer NOT NULL, "residentId" integer, "name" varchar(30) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "reason" varchar(200), "decidedByAccountId" integer, "decidedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "pendingResidentId" integer)`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_verification_request"("id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt") SELECT "id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt" FROM "verification_request"`,
    )
    await queryRunner.query(`DROP TABLE "verification_request"`)
    await queryRunner.query(`ALTER TABLE "temporary_verification_request" RENAME TO "verification_request"`)
    await queryRunner.query(
      `CREATE INDEX "ix_verification_village_state" ON "verification_request" ("villageId", "state") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_verification_account" ON "verification_request" ("accountId") `)
    // hand-written: the oldest pending claim of each roster person keeps its place; a later one made
    // before this rule stays pending without the key, for the committee to decide as before
    await queryRunner.query(
      `UPDATE verification_request SET pendingResidentId = residentId
        WHERE id IN (SELECT MIN(id) FROM verification_request
                      WHERE state = 'pending' AND residentId IS NOT NULL GROUP BY residentId)`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_verification_pending_resident" ON "verification_request" ("pendingResidentId") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_verification_pending_resident"`)
    await queryRunner.query(`DROP INDEX "ix_verification_account"`)
    await queryRunner.query(`DROP INDEX "ix_verification_village_state"`)
    await queryRunner.query(`ALTER TABLE "verification_request" RENAME TO "temporary_verification_request"`)
    await queryRunner.query(
      `CREATE TABLE "verification_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "villageId" integer NOT NULL, "residentId" integer, "name" varchar(30) NOT NULL, "idNumberEnc" varchar(128) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phone" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "reason" varchar(200), "decidedByAccountId" integer, "decidedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "verification_request"("id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt") SELECT "id", "accountId", "villageId", "residentId", "name", "idNumberEnc", "idNumberMasked", "phone", "state", "reason", "decidedByAccountId", "decidedAt", "createdAt" FROM "temporary_verification_request"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_verification_request"`)
    await queryRunner.query(`CREATE INDEX "ix_verification_account" ON "verification_request" ("accountId") `)
    await queryRunner.query(
      `CREATE INDEX "ix_verification_village_state" ON "verification_request" ("villageId", "state") `,
    )
    await queryRunner.query(`DROP INDEX "ix_auth_session_account"`)
    await queryRunner.query(`DROP TABLE "auth_session"`)
  }
}
