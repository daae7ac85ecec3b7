import type { MigrationInterface, QueryRunner } from 'typeorm'

export class HotWriteRequestKeys1796527744533Mysql implements MigrationInterface {
  name = 'HotWriteRequestKeys1796527744533Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`deliberation_attendance\` ADD \`requestKey\` varchar(64) NULL`)
    await queryRunner.query(`ALTER TABLE \`deliberation_open_vote\` ADD \`requestKey\` varchar(64) NULL`)
    await queryRunner.query(`ALTER TABLE \`deliberation_turnout\` ADD \`requestKey\` varchar(64) NULL`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`deliberation_turnout\` DROP COLUMN \`requestKey\``)
    await queryRunner.query(`ALTER TABLE \`deliberation_open_vote\` DROP COLUMN \`requestKey\``)
    await queryRunner.query(`ALTER TABLE \`deliberation_attendance\` DROP COLUMN \`requestKey\``)
  }
}
