import type { MigrationInterface, QueryRunner } from 'typeorm'

export class MeetingTimeAndPaperNotice1796528203246Mysql implements MigrationInterface {
  name = 'MeetingTimeAndPaperNotice1796528203246Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`deliberation_meeting\` ADD \`checkInLeadMinutes\` int NOT NULL DEFAULT '30'`,
    )
    await queryRunner.query(`ALTER TABLE \`deliberation_meeting\` ADD \`paperNoticeAt\` datetime NULL`)
    await queryRunner.query(`ALTER TABLE \`deliberation_meeting\` ADD \`paperNoticeByAccountId\` int NULL`)
    await queryRunner.query(`ALTER TABLE \`deliberation_meeting\` ADD \`paperNoticeByName\` varchar(30) NULL`)
    await queryRunner.query(
      `ALTER TABLE \`deliberation_meeting\` ADD \`paperNoticeConfirmedAt\` datetime NULL`,
    )
    await queryRunner.query(
      `ALTER TABLE \`deliberation_meeting\` ADD \`paperNoticeConfirmedByAccountId\` int NULL`,
    )
    await queryRunner.query(
      `ALTER TABLE \`deliberation_meeting\` ADD \`paperNoticeConfirmedByName\` varchar(30) NULL`,
    )
    await queryRunner.query(
      `ALTER TABLE \`deliberation_settings\` ADD \`checkInLeadMinutes\` int NOT NULL DEFAULT '30'`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_deliberation_meeting_due\` ON \`deliberation_meeting\` (\`status\`, \`meetingAt\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_deliberation_meeting_due\` ON \`deliberation_meeting\``)
    await queryRunner.query(`ALTER TABLE \`deliberation_settings\` DROP COLUMN \`checkInLeadMinutes\``)
    await queryRunner.query(`ALTER TABLE \`deliberation_meeting\` DROP COLUMN \`paperNoticeConfirmedByName\``)
    await queryRunner.query(
      `ALTER TABLE \`deliberation_meeting\` DROP COLUMN \`paperNoticeConfirmedByAccountId\``,
    )
    await queryRunner.query(`ALTER TABLE \`deliberation_meeting\` DROP COLUMN \`paperNoticeConfirmedAt\``)
    await queryRunner.query(`ALTER TABLE \`deliberation_meeting\` DROP COLUMN \`paperNoticeByName\``)
    await queryRunner.query(`ALTER TABLE \`deliberation_meeting\` DROP COLUMN \`paperNoticeByAccountId\``)
    await queryRunner.query(`ALTER TABLE \`deliberation_meeting\` DROP COLUMN \`paperNoticeAt\``)
    await queryRunner.query(`ALTER TABLE \`deliberation_meeting\` DROP COLUMN \`checkInLeadMinutes\``)
  }
}
