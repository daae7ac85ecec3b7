import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Deliberations1795612147557Mysql implements MigrationInterface {
  name = 'Deliberations1795612147557Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`deliberation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`title\` varchar(60) NOT NULL, \`content\` text NOT NULL, \`matterType\` varchar(40) NOT NULL, \`sourceKind\` varchar(24) NOT NULL, \`sourceGrievanceId\` int NULL, \`sourceReference\` varchar(100) NULL, \`delegationResolution\` varchar(100) NULL, \`previousId\` int NULL, \`procedure\` text NOT NULL, \`state\` text NOT NULL, \`status\` varchar(16) NOT NULL, \`step\` varchar(24) NOT NULL, \`createdByAccountId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_deliberation_village\` (\`villageId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_meeting\` (\`id\` int NOT NULL AUTO_INCREMENT, \`deliberationId\` int NOT NULL, \`villageId\` int NOT NULL, \`step\` varchar(24) NOT NULL, \`body\` varchar(40) NOT NULL, \`meetingAt\` datetime NOT NULL, \`noticeAt\` datetime NOT NULL, \`location\` varchar(100) NOT NULL, \`agenda\` text NOT NULL, \`ballot\` varchar(8) NOT NULL, \`status\` varchar(16) NOT NULL, \`scheduledByAccountId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_deliberation_meeting_deliberation\` (\`deliberationId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_meeting_member\` (\`id\` int NOT NULL AUTO_INCREMENT, \`meetingId\` int NOT NULL, \`residentId\` int NOT NULL, \`name\` varchar(30) NOT NULL, \`householdId\` int NOT NULL, UNIQUE INDEX \`uq_deliberation_meeting_member\` (\`meetingId\`, \`residentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_attendance\` (\`id\` int NOT NULL AUTO_INCREMENT, \`meetingId\` int NOT NULL, \`memberId\` int NOT NULL, \`method\` varchar(8) NOT NULL, \`recordedByAccountId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_deliberation_attendance\` (\`meetingId\`, \`memberId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_open_vote\` (\`meetingId\` int NOT NULL, \`memberId\` int NOT NULL, \`choice\` varchar(8) NOT NULL, PRIMARY KEY (\`meetingId\`, \`memberId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_turnout\` (\`meetingId\` int NOT NULL, \`memberId\` int NOT NULL, PRIMARY KEY (\`meetingId\`, \`memberId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_secret_ballot\` (\`id\` varchar(36) NOT NULL, \`meetingId\` int NOT NULL, \`choice\` varchar(8) NOT NULL, INDEX \`ix_deliberation_secret_ballot_meeting\` (\`meetingId\`, \`choice\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_meeting_result\` (\`meetingId\` int NOT NULL, \`deliberationId\` int NOT NULL, \`outcome\` varchar(16) NOT NULL, \`reason\` text NOT NULL, \`due\` int NOT NULL, \`present\` int NOT NULL, \`householdsTotal\` int NULL, \`householdsRepresented\` int NULL, \`quorumBy\` varchar(16) NULL, \`yes\` int NOT NULL, \`no\` int NOT NULL, \`abstain\` int NOT NULL, \`online\` text NOT NULL, \`closedByAccountId\` int NOT NULL, \`closedAt\` datetime NOT NULL, PRIMARY KEY (\`meetingId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`public_notice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`category\` varchar(16) NOT NULL, \`title\` varchar(80) NOT NULL, \`body\` text NOT NULL, \`deliberationId\` int NULL, \`resolutionNoticeId\` int NULL, \`publishedAt\` datetime NOT NULL, \`publishedByAccountId\` int NULL, \`supervisionOpinion\` text NULL, \`supervisionByAccountId\` int NULL, \`supervisionAt\` datetime NULL, INDEX \`ix_public_notice_deliberation\` (\`deliberationId\`), INDEX \`ix_public_notice_village\` (\`villageId\`, \`publishedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_settings\` (\`villageId\` int NOT NULL, \`showCountsLive\` tinyint NOT NULL DEFAULT 0, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`villageId\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`deliberation_settings\``)
    await queryRunner.query(`DROP INDEX \`ix_public_notice_village\` ON \`public_notice\``)
    await queryRunner.query(`DROP INDEX \`ix_public_notice_deliberation\` ON \`public_notice\``)
    await queryRunner.query(`DROP TABLE \`public_notice\``)
    await queryRunner.query(`DROP TABLE \`deliberation_meeting_result\``)
    await queryRunner.query(
      `DROP INDEX \`ix_deliberation_secret_ballot_meeting\` ON \`deliberation_secret_ballot\``,
    )
    await queryRunner.query(`DROP TABLE \`deliberation_secret_ballot\``)
    await queryRunner.query(`DROP TABLE \`deliberation_turnout\``)
    await queryRunner.query(`DROP TABLE \`deliberation_open_vote\``)
    await queryRunner.query(`DROP INDEX \`uq_deliberation_attendance\` ON \`deliberation_attendance\``)
    await queryRunner.query(`DROP TABLE \`deliberation_attendance\``)
    await queryRunner.query(
      `DROP INDEX \`uq_deliberation_meeting_member\` ON \`deliberation_meeting_member\``,
    )
    await queryRunner.query(`DROP TABLE \`deliberation_meeting_member\``)
    await queryRunner.query(`DROP INDEX \`ix_deliberation_meeting_deliberation\` ON \`deliberation_meeting\``)
    await queryRunner.query(`DROP TABLE \`deliberation_meeting\``)
    await queryRunner.query(`DROP INDEX \`ix_deliberation_village\` ON \`deliberation\``)
    await queryRunner.query(`DROP TABLE \`deliberation\``)
  }
}
