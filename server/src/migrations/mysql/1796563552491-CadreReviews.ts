import type { MigrationInterface, QueryRunner } from 'typeorm'

export class CadreReviews1796563552491Mysql implements MigrationInterface {
  name = 'CadreReviews1796563552491Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`cadre_review_turnout\` (\`meetingId\` int NOT NULL, \`memberId\` int NOT NULL, PRIMARY KEY (\`meetingId\`, \`memberId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`cadre_review_rating\` (\`id\` varchar(36) NOT NULL, \`meetingId\` int NOT NULL, \`subjectId\` int NOT NULL, \`rating\` varchar(12) NOT NULL, INDEX \`ix_cadre_review_rating_count\` (\`meetingId\`, \`subjectId\`, \`rating\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`cadre_review_meeting\` (\`id\` int NOT NULL AUTO_INCREMENT, \`reviewId\` int NOT NULL, \`villageId\` int NOT NULL, \`body\` varchar(40) NOT NULL, \`meetingAt\` datetime NOT NULL, \`noticeAt\` datetime NOT NULL, \`checkInLeadMinutes\` int NOT NULL DEFAULT '30', \`location\` varchar(100) NOT NULL, \`status\` varchar(16) NOT NULL, \`scheduledByAccountId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_cadre_review_meeting_review\` (\`reviewId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`cadre_review_member\` (\`id\` int NOT NULL AUTO_INCREMENT, \`meetingId\` int NOT NULL, \`residentId\` int NOT NULL, \`name\` varchar(30) NOT NULL, \`householdId\` int NOT NULL, UNIQUE INDEX \`uq_cadre_review_member\` (\`meetingId\`, \`residentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`cadre_review_attendance\` (\`id\` int NOT NULL AUTO_INCREMENT, \`meetingId\` int NOT NULL, \`memberId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_cadre_review_attendance\` (\`meetingId\`, \`memberId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`cadre_review_outcome\` (\`meetingId\` int NOT NULL, \`reviewId\` int NOT NULL, \`valid\` tinyint NOT NULL, \`reason\` text NOT NULL, \`due\` int NOT NULL, \`present\` int NOT NULL, \`ballots\` int NOT NULL, \`paperBallots\` int NOT NULL DEFAULT '0', \`closedByAccountId\` int NOT NULL, \`closedAt\` datetime NOT NULL, PRIMARY KEY (\`meetingId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`cadre_review_person_result\` (\`meetingId\` int NOT NULL, \`subjectId\` int NOT NULL, \`residentId\` int NOT NULL, \`competent\` int NOT NULL, \`basic\` int NOT NULL, \`incompetent\` int NOT NULL, \`rating\` varchar(12) NOT NULL, \`reason\` text NOT NULL, \`postEnded\` tinyint NOT NULL, PRIMARY KEY (\`meetingId\`, \`subjectId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`cadre_review\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`year\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`ratingRule\` text NOT NULL, \`openedByAccountId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`publishedAt\` datetime NULL, UNIQUE INDEX \`uq_cadre_review_year\` (\`villageId\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`cadre_review_subject\` (\`id\` int NOT NULL AUTO_INCREMENT, \`reviewId\` int NOT NULL, \`residentId\` int NOT NULL, \`name\` varchar(30) NOT NULL, \`post\` varchar(24) NOT NULL, \`report\` text NULL, \`reportedAt\` datetime NULL, INDEX \`ix_cadre_review_subject_resident\` (\`residentId\`), UNIQUE INDEX \`uq_cadre_review_subject\` (\`reviewId\`, \`residentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_cadre_review_subject\` ON \`cadre_review_subject\``)
    await queryRunner.query(`DROP INDEX \`ix_cadre_review_subject_resident\` ON \`cadre_review_subject\``)
    await queryRunner.query(`DROP TABLE \`cadre_review_subject\``)
    await queryRunner.query(`DROP INDEX \`uq_cadre_review_year\` ON \`cadre_review\``)
    await queryRunner.query(`DROP TABLE \`cadre_review\``)
    await queryRunner.query(`DROP TABLE \`cadre_review_person_result\``)
    await queryRunner.query(`DROP TABLE \`cadre_review_outcome\``)
    await queryRunner.query(`DROP INDEX \`uq_cadre_review_attendance\` ON \`cadre_review_attendance\``)
    await queryRunner.query(`DROP TABLE \`cadre_review_attendance\``)
    await queryRunner.query(`DROP INDEX \`uq_cadre_review_member\` ON \`cadre_review_member\``)
    await queryRunner.query(`DROP TABLE \`cadre_review_member\``)
    await queryRunner.query(`DROP INDEX \`ix_cadre_review_meeting_review\` ON \`cadre_review_meeting\``)
    await queryRunner.query(`DROP TABLE \`cadre_review_meeting\``)
    await queryRunner.query(`DROP INDEX \`ix_cadre_review_rating_count\` ON \`cadre_review_rating\``)
    await queryRunner.query(`DROP TABLE \`cadre_review_rating\``)
    await queryRunner.query(`DROP TABLE \`cadre_review_turnout\``)
  }
}
