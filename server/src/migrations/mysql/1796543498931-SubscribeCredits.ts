import type { MigrationInterface, QueryRunner } from 'typeorm'

export class SubscribeCredits1796543498931Mysql implements MigrationInterface {
  name = 'SubscribeCredits1796543498931Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`subscribe_credit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`accountId\` int NOT NULL, \`templateId\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`usedAt\` datetime NULL, \`usedFor\` int NULL, UNIQUE INDEX \`uq_subscribe_credit_used_for\` (\`usedFor\`), INDEX \`ix_subscribe_credit_open\` (\`accountId\`, \`templateId\`, \`usedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(`ALTER TABLE \`outbox_message\` ADD \`accountId\` int NULL`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`outbox_message\` DROP COLUMN \`accountId\``)
    await queryRunner.query(`DROP INDEX \`ix_subscribe_credit_open\` ON \`subscribe_credit\``)
    await queryRunner.query(`DROP INDEX \`uq_subscribe_credit_used_for\` ON \`subscribe_credit\``)
    await queryRunner.query(`DROP TABLE \`subscribe_credit\``)
  }
}
