import type { MigrationInterface, QueryRunner } from 'typeorm'

export class NoticeReadMarks1796582565121Mysql implements MigrationInterface {
  name = 'NoticeReadMarks1796582565121Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`notice_read_mark\` (\`id\` int NOT NULL AUTO_INCREMENT, \`accountId\` int NOT NULL, \`villageId\` int NOT NULL, \`upToSeq\` int NOT NULL, \`upToId\` int NOT NULL, \`updatedAt\` datetime NOT NULL, UNIQUE INDEX \`uq_notice_read_mark\` (\`accountId\`, \`villageId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`shownSeq\` int NOT NULL DEFAULT '0'`)
    await queryRunner.query(
      `CREATE INDEX \`ix_public_notice_shown\` ON \`public_notice\` (\`villageId\`, \`shownSeq\`, \`id\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_public_notice_shown\` ON \`public_notice\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`shownSeq\``)
    await queryRunner.query(`DROP INDEX \`uq_notice_read_mark\` ON \`notice_read_mark\``)
    await queryRunner.query(`DROP TABLE \`notice_read_mark\``)
  }
}
