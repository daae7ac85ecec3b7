import type { MigrationInterface, QueryRunner } from 'typeorm'

export class NoticeModeration1796573688290Mysql implements MigrationInterface {
  name = 'NoticeModeration1796573688290Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`public_notice\` ADD \`moderation\` varchar(10) NOT NULL DEFAULT 'shown'`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`moderation\``)
  }
}
