import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ContentCheck1796550402325Mysql implements MigrationInterface {
  name = 'ContentCheck1796550402325Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`content_check\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(24) NOT NULL, \`itemId\` int NOT NULL, \`parentId\` int NULL, \`villageId\` int NOT NULL, \`authorAccountId\` int NOT NULL, \`text\` text NOT NULL, \`textSuggest\` varchar(8) NULL, \`label\` varchar(16) NULL, \`status\` varchar(10) NOT NULL, \`reason\` varchar(200) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`nextAttemptAt\` datetime NOT NULL, \`decidedBy\` int NULL, \`decidedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_content_check_status_due\` (\`status\`, \`nextAttemptAt\`), INDEX \`ix_content_check_village_status\` (\`villageId\`, \`status\`), UNIQUE INDEX \`uq_content_check_item\` (\`kind\`, \`itemId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`content_check_media\` (\`id\` int NOT NULL AUTO_INCREMENT, \`checkId\` int NOT NULL, \`fileId\` int NOT NULL, \`traceId\` varchar(64) NULL, \`suggest\` varchar(8) NULL, \`label\` varchar(16) NULL, UNIQUE INDEX \`uq_content_check_media_trace\` (\`traceId\`), INDEX \`ix_content_check_media_check\` (\`checkId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `ALTER TABLE \`grievance_event\` ADD \`moderation\` varchar(10) NOT NULL DEFAULT 'shown'`,
    )
    await queryRunner.query(
      `ALTER TABLE \`grievance\` ADD \`moderation\` varchar(10) NOT NULL DEFAULT 'shown'`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_grievance_village_moderation\` ON \`grievance\` (\`villageId\`, \`moderation\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_grievance_village_moderation\` ON \`grievance\``)
    await queryRunner.query(`ALTER TABLE \`grievance\` DROP COLUMN \`moderation\``)
    await queryRunner.query(`ALTER TABLE \`grievance_event\` DROP COLUMN \`moderation\``)
    await queryRunner.query(`DROP INDEX \`ix_content_check_media_check\` ON \`content_check_media\``)
    await queryRunner.query(`DROP INDEX \`uq_content_check_media_trace\` ON \`content_check_media\``)
    await queryRunner.query(`DROP TABLE \`content_check_media\``)
    await queryRunner.query(`DROP INDEX \`uq_content_check_item\` ON \`content_check\``)
    await queryRunner.query(`DROP INDEX \`ix_content_check_village_status\` ON \`content_check\``)
    await queryRunner.query(`DROP INDEX \`ix_content_check_status_due\` ON \`content_check\``)
    await queryRunner.query(`DROP TABLE \`content_check\``)
  }
}
