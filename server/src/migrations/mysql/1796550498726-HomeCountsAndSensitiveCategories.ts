import type { MigrationInterface, QueryRunner } from 'typeorm'

export class HomeCountsAndSensitiveCategories1796550498726Mysql implements MigrationInterface {
  name = 'HomeCountsAndSensitiveCategories1796550498726Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`grievance_settings\` ADD \`sensitiveCategories\` text NULL`)
    await queryRunner.query(
      `CREATE INDEX \`ix_deliberation_meeting_member_resident\` ON \`deliberation_meeting_member\` (\`residentId\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX \`ix_deliberation_meeting_member_resident\` ON \`deliberation_meeting_member\``,
    )
    await queryRunner.query(`ALTER TABLE \`grievance_settings\` DROP COLUMN \`sensitiveCategories\``)
  }
}
