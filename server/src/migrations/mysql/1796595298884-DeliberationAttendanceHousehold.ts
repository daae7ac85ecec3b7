import type { MigrationInterface, QueryRunner } from 'typeorm'

export class DeliberationAttendanceHousehold1796595298884Mysql implements MigrationInterface {
  name = 'DeliberationAttendanceHousehold1796595298884Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`deliberation_attendance\` ADD \`householdId\` int NULL`)
    // the sign-ins made before: each takes its member's household from the frozen list
    await queryRunner.query(
      `UPDATE \`deliberation_attendance\` SET \`householdId\` = (SELECT mm.\`householdId\` FROM \`deliberation_meeting_member\` mm WHERE mm.\`id\` = \`deliberation_attendance\`.\`memberId\`)`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_deliberation_attendance_household\` ON \`deliberation_attendance\` (\`meetingId\`, \`householdId\`)`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_deliberation_meeting_member_household\` ON \`deliberation_meeting_member\` (\`meetingId\`, \`householdId\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX \`ix_deliberation_meeting_member_household\` ON \`deliberation_meeting_member\``,
    )
    await queryRunner.query(
      `DROP INDEX \`ix_deliberation_attendance_household\` ON \`deliberation_attendance\``,
    )
    await queryRunner.query(`ALTER TABLE \`deliberation_attendance\` DROP COLUMN \`householdId\``)
  }
}
