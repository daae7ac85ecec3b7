import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ModerationOfObjectionsAndOpinions1796562254173Sqlite implements MigrationInterface {
  name = 'ModerationOfObjectionsAndOpinions1796562254173Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_deliberation_opinion"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_deliberation_opinion" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "deliberationId" integer NOT NULL, "villageId" integer NOT NULL, "residentId" integer NOT NULL, "accountId" integer NOT NULL, "name" varchar(30) NOT NULL, "text" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "moderation" varchar(10) NOT NULL DEFAULT ('shown'))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_deliberation_opinion"("id", "deliberationId", "villageId", "residentId", "accountId", "name", "text", "createdAt") SELECT "id", "deliberationId", "villageId", "residentId", "accountId", "name", "text", "createdAt" FROM "deliberation_opinion"`,
    )
    await queryRunner.query(`DROP TABLE "deliberation_opinion"`)
    await queryRunner.query(`ALTER TABLE "temporary_deliberation_opinion" RENAME TO "deliberation_opinion"`)
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_opinion" ON "deliberation_opinion" ("deliberationId", "id") `,
    )
    await queryRunner.query(`DROP INDEX "ix_notice_objection_objector_resident"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_objector"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_village"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_notice"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_notice_objection" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noticeId" integer NOT NULL, "villageId" integer NOT NULL, "objectorAccountId" integer, "objectorName" varchar(30) NOT NULL, "text" text NOT NULL, "photoIds" text, "state" varchar(20) NOT NULL, "submittedAt" datetime NOT NULL, "dueAt" datetime NOT NULL, "answer" text, "answerPhotoIds" text, "answeredAt" datetime, "answeredByAccountId" integer, "answeredByName" varchar(30), "acceptedAt" datetime, "escalationReason" text, "escalatedAt" datetime, "townshipAnswer" text, "townshipAnsweredAt" datetime, "townshipAnsweredByName" varchar(30), "objectorResidentId" integer, "proxy" text, "moderation" varchar(10) NOT NULL DEFAULT ('shown'), "answerModeration" varchar(10))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_notice_objection"("id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName", "objectorResidentId", "proxy") SELECT "id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName", "objectorResidentId", "proxy" FROM "notice_objection"`,
    )
    await queryRunner.query(`DROP TABLE "notice_objection"`)
    await queryRunner.query(`ALTER TABLE "temporary_notice_objection" RENAME TO "notice_objection"`)
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_objector_resident" ON "notice_objection" ("objectorResidentId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_objector" ON "notice_objection" ("objectorAccountId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_village" ON "notice_objection" ("villageId", "state", "dueAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_notice" ON "notice_objection" ("noticeId", "submittedAt") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_notice_objection_notice"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_village"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_objector"`)
    await queryRunner.query(`DROP INDEX "ix_notice_objection_objector_resident"`)
    await queryRunner.query(`ALTER TABLE "notice_objection" RENAME TO "temporary_notice_objection"`)
    await queryRunner.query(
      `CREATE TABLE "notice_objection" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noticeId" integer NOT NULL, "villageId" integer NOT NULL, "objectorAccountId" integer, "objectorName" varchar(30) NOT NULL, "text" text NOT NULL, "photoIds" text, "state" varchar(20) NOT NULL, "submittedAt" datetime NOT NULL, "dueAt" datetime NOT NULL, "answer" text, "answerPhotoIds" text, "answeredAt" datetime, "answeredByAccountId" integer, "answeredByName" varchar(30), "acceptedAt" datetime, "escalationReason" text, "escalatedAt" datetime, "townshipAnswer" text, "townshipAnsweredAt" datetime, "townshipAnsweredByName" varchar(30), "objectorResidentId" integer, "proxy" text)`,
    )
    await queryRunner.query(
      `INSERT INTO "notice_objection"("id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName", "objectorResidentId", "proxy") SELECT "id", "noticeId", "villageId", "objectorAccountId", "objectorName", "text", "photoIds", "state", "submittedAt", "dueAt", "answer", "answerPhotoIds", "answeredAt", "answeredByAccountId", "answeredByName", "acceptedAt", "escalationReason", "escalatedAt", "townshipAnswer", "townshipAnsweredAt", "townshipAnsweredByName", "objectorResidentId", "proxy" FROM "temporary_notice_objection"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_notice_objection"`)
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_notice" ON "notice_objection" ("noticeId", "submittedAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_village" ON "notice_objection" ("villageId", "state", "dueAt") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_objector" ON "notice_objection" ("objectorAccountId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_notice_objection_objector_resident" ON "notice_objection" ("objectorResidentId") `,
    )
    await queryRunner.query(`DROP INDEX "ix_deliberation_opinion"`)
    await queryRunner.query(`ALTER TABLE "deliberation_opinion" RENAME TO "temporary_deliberation_opinion"`)
    await queryRunner.query(
      `CREATE TABLE "deliberation_opinion" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "deliberationId" integer NOT NULL, "villageId" integer NOT NULL, "residentId" integer NOT NULL, "accountId" integer NOT NULL, "name" varchar(30) NOT NULL, "text" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(
      `INSERT INTO "deliberation_opinion"("id", "deliberationId", "villageId", "residentId", "accountId", "name", "text", "createdAt") SELECT "id", "deliberationId", "villageId", "residentId", "accountId", "name", "text", "createdAt" FROM "temporary_deliberation_opinion"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_deliberation_opinion"`)
    await queryRunner.query(
      `CREATE INDEX "ix_deliberation_opinion" ON "deliberation_opinion" ("deliberationId", "id") `,
    )
  }
}
