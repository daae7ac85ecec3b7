import type { MigrationInterface, QueryRunner } from 'typeorm'

export class GrievanceMonthStats1796582590654Sqlite implements MigrationInterface {
  name = 'GrievanceMonthStats1796582590654Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_grievance_village_stats"`)
    await queryRunner.query(
      `CREATE TABLE "grievance_month_stat" ("villageId" integer NOT NULL, "month" varchar(7) NOT NULL, "total" integer NOT NULL DEFAULT (0), "openCount" integer NOT NULL DEFAULT (0), "escalatedCount" integer NOT NULL DEFAULT (0), "answeredCount" integer NOT NULL DEFAULT (0), "answerMinutesSum" integer NOT NULL DEFAULT (0), "ratedCount" integer NOT NULL DEFAULT (0), "ratingSum" integer NOT NULL DEFAULT (0), PRIMARY KEY ("villageId", "month"))`,
    )
    // the items raised so far, counted once (the app keeps the rows from here on); OPEN_STATES as of
    // this migration, the month their Beijing month of raising
    await queryRunner.query(
      `INSERT INTO grievance_month_stat (villageId, month, total, openCount, escalatedCount, answeredCount, answerMinutesSum, ratedCount, ratingSum)
      SELECT g.villageId, strftime('%Y-%m', g.createdAt, '+8 hours'), COUNT(*),
        SUM(CASE WHEN g.state IN ('submitted', 'accepted', 'assigned', 'reopened', 'returned', 'escalated') THEN 1 ELSE 0 END),
        SUM(CASE WHEN g.state = 'escalated' THEN 1 ELSE 0 END),
        COUNT(g.answerMinutes), COALESCE(SUM(g.answerMinutes), 0), COUNT(g.rating), COALESCE(SUM(g.rating), 0)
      FROM grievance g GROUP BY g.villageId, strftime('%Y-%m', g.createdAt, '+8 hours')`,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_due" ON "grievance" ("villageId", "state", "dueAt") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_grievance_village_due"`)
    await queryRunner.query(`DROP TABLE "grievance_month_stat"`)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_stats" ON "grievance" ("villageId", "state", "dueAt", "answerMinutes", "rating") `,
    )
  }
}
