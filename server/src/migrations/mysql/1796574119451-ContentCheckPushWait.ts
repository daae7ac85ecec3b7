import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ContentCheckPushWait1796574119451Mysql implements MigrationInterface {
  name = 'ContentCheckPushWait1796574119451Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`content_check_media\` ADD \`askedAt\` datetime NULL`)
    await queryRunner.query(`ALTER TABLE \`content_check_media\` ADD \`asks\` int NOT NULL DEFAULT '0'`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`content_check_media\` DROP COLUMN \`asks\``)
    await queryRunner.query(`ALTER TABLE \`content_check_media\` DROP COLUMN \`askedAt\``)
  }
}
