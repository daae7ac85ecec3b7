import type { MigrationInterface, QueryRunner } from 'typeorm'

export class PrivacyConsentsAndDeletions1796550744812Mysql implements MigrationInterface {
  name = 'PrivacyConsentsAndDeletions1796550744812Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`data_deletion_request\` (\`id\` int NOT NULL AUTO_INCREMENT, \`accountId\` int NOT NULL, \`pendingAccountId\` int NULL, \`state\` varchar(16) NOT NULL, \`requestedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`processedAt\` datetime NULL, \`processedByAccountId\` int NULL, \`outcome\` text NULL, INDEX \`ix_data_deletion_account\` (\`accountId\`), UNIQUE INDEX \`uq_data_deletion_pending\` (\`pendingAccountId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`privacy_consent\` (\`id\` int NOT NULL AUTO_INCREMENT, \`accountId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`version\` int NOT NULL, \`acceptedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_privacy_consent_account\` (\`accountId\`, \`kind\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_privacy_consent_account\` ON \`privacy_consent\``)
    await queryRunner.query(`DROP TABLE \`privacy_consent\``)
    await queryRunner.query(`DROP INDEX \`uq_data_deletion_pending\` ON \`data_deletion_request\``)
    await queryRunner.query(`DROP INDEX \`ix_data_deletion_account\` ON \`data_deletion_request\``)
    await queryRunner.query(`DROP TABLE \`data_deletion_request\``)
  }
}
