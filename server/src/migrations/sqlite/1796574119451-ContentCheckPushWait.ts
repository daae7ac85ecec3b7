import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ContentCheckPushWait1796574119451Sqlite implements MigrationInterface {
  name = 'ContentCheckPushWait1796574119451Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_content_check_media_check"`)
    await queryRunner.query(`DROP INDEX "uq_content_check_media_trace"`)
    await queryRunner.query(
      `CREATE TABLE "temporary_content_check_media" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "checkId" integer NOT NULL, "fileId" integer NOT NULL, "traceId" varchar(64), "suggest" varchar(8), "label" varchar(16), "askedAt" datetime, "asks" integer NOT NULL DEFAULT (0))`,
    )
    await queryRunner.query(
      `INSERT INTO "temporary_content_check_media"("id", "checkId", "fileId", "traceId", "suggest", "label") SELECT "id", "checkId", "fileId", "traceId", "suggest", "label" FROM "content_check_media"`,
    )
    await queryRunner.query(`DROP TABLE "content_check_media"`)
    await queryRunner.query(`ALTER TABLE "temporary_content_check_media" RENAME TO "content_check_media"`)
    await queryRunner.query(
      `CREATE INDEX "ix_content_check_media_check" ON "content_check_media" ("checkId") `,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_content_check_media_trace" ON "content_check_media" ("traceId") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_content_check_media_trace"`)
    await queryRunner.query(`DROP INDEX "ix_content_check_media_check"`)
    await queryRunner.query(`ALTER TABLE "content_check_media" RENAME TO "temporary_content_check_media"`)
    await queryRunner.query(
      `CREATE TABLE "content_check_media" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "checkId" integer NOT NULL, "fileId" integer NOT NULL, "traceId" varchar(64), "suggest" varchar(8), "label" varchar(16))`,
    )
    await queryRunner.query(
      `INSERT INTO "content_check_media"("id", "checkId", "fileId", "traceId", "suggest", "label") SELECT "id", "checkId", "fileId", "traceId", "suggest", "label" FROM "temporary_content_check_media"`,
    )
    await queryRunner.query(`DROP TABLE "temporary_content_check_media"`)
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_content_check_media_trace" ON "content_check_media" ("traceId") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_content_check_media_check" ON "content_check_media" ("checkId") `,
    )
  }
}
