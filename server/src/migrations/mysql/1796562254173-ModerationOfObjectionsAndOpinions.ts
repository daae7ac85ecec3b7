import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ModerationOfObjectionsAndOpinions1796562254173Mysql implements MigrationInterface {
  name = 'ModerationOfObjectionsAndOpinions1796562254173Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`deliberation_opinion\` ADD \`moderation\` varchar(10) NOT NULL DEFAULT 'shown'`,
    )
    await queryRunner.query(
      `ALTER TABLE \`notice_objection\` ADD \`moderation\` varchar(10) NOT NULL DEFAULT 'shown'`,
    )
    await queryRunner.query(`ALTER TABLE \`notice_objection\` ADD \`answerModeration\` varchar(10) NULL`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notice_objection\` DROP COLUMN \`answerModeration\``)
    await queryRunner.query(`ALTER TABLE \`notice_objection\` DROP COLUMN \`moderation\``)
    await queryRunner.query(`ALTER TABLE \`deliberation_opinion\` DROP COLUMN \`moderation\``)
  }
}
