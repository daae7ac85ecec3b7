import type { MigrationInterface, QueryRunner } from 'typeorm'

export class GrievanceMonthStats1796582590654Mysql implements MigrationInterface {
  name = 'GrievanceMonthStats1796582590654Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_grievance_village_stats\` ON \`grievance\``)
    await queryRunner.query(
      `CREATE TABLE \`grievance_month_stat\` (\`villageId\` int NOT NULL, \`month\` varchar(7) NOT NULL, \`total\` int NOT NULL DEFAULT '0', \`openCount\` int NOT NULL DEFAULT '0', \`escalatedCount\` int NOT NULL DEFAULT '0', \`answeredCount\` int NOT NULL DEFAULT '0', \`answerMinutesSum\` int NOT NULL DEFAULT '0', \`ratedCount\` int NOT NULL DEFAULT '0', \`ratingSum\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`villageId\`, \`month\`)) ENGINE=InnoDB`,
    )
    // the items raised so far, counted once (the app keeps the rows from here on); OPEN_STATES as of
    // this migration, the month their Beijing month of raising
    await queryRunner.query(
      `INSERT INTO grievance_month_stat (villageId, month, total, openCount, escalatedCount, answeredCount, answerMinutesSum, ratedCount, ratingSum)
      SELECT g.villageId, DATE_FORMAT(g.createdAt + INTERVAL 8 HOUR, '%Y-%m'), COUNT(*),
        SUM(CASE WHEN g.state IN ('submitted', 'accepted', 'assigned', 'reopened', 'returned', 'escalated') THEN 1 ELSE 0 END),
        SUM(CASE WHEN g.state = 'escalated' THEN 1 ELSE 0 END),
        COUNT(g.answerMinutes), COALESCE(SUM(g.answerMinutes), 0), COUNT(g.rating), COALESCE(SUM(g.rating), 0)
      FROM grievance g GROUP BY g.villageId, DATE_FORMAT(g.createdAt + INTERVAL 8 HOUR, '%Y-%m')`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_grievance_village_due\` ON \`grievance\` (\`villageId\`, \`state\`, \`dueAt\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_grievance_village_due\` ON \`grievance\``)
    await queryRunner.query(`DROP TABLE \`grievance_month_stat\``)
    await queryRunner.query(
      `CREATE INDEX \`ix_grievance_village_stats\` ON \`grievance\` (\`villageId\`, \`state\`, \`dueAt\`, \`answerMinutes\`, \`rating\`)`,
    )
  }
}
