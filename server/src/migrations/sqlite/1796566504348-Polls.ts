import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Polls1796566504348Sqlite implements MigrationInterface {
  name = 'Polls1796566504348Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "poll_respondent" ("pollId" integer NOT NULL, "residentId" integer NOT NULL, "requestKey" varchar(64), PRIMARY KEY ("pollId", "residentId")) WITHOUT ROWID`,
    )
    await queryRunner.query(
      `CREATE TABLE "poll_choice" ("id" varchar(36) PRIMARY KEY NOT NULL, "pollId" integer NOT NULL, "question" integer NOT NULL, "option" integer NOT NULL) WITHOUT ROWID`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_poll_choice_poll" ON "poll_choice" ("pollId", "question", "option") `,
    )
    await queryRunner.query(
      `CREATE TABLE "poll" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "villageId" integer NOT NULL, "title" varchar(40) NOT NULL, "explanation" text NOT NULL, "questions" text NOT NULL, "endsOn" varchar(10) NOT NULL, "resultsBeforeEnd" boolean NOT NULL DEFAULT (0), "closedAt" datetime, "createdByName" varchar(30) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await queryRunner.query(`CREATE INDEX "ix_poll_village" ON "poll" ("villageId", "id") `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_poll_village"`)
    await queryRunner.query(`DROP TABLE "poll"`)
    await queryRunner.query(`DROP INDEX "ix_poll_choice_poll"`)
    await queryRunner.query(`DROP TABLE "poll_choice"`)
    await queryRunner.query(`DROP TABLE "poll_respondent"`)
  }
}
