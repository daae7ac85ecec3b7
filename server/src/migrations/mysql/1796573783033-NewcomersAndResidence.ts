import type { MigrationInterface, QueryRunner } from 'typeorm'

export class NewcomersAndResidence1796573783033Mysql implements MigrationInterface {
  name = 'NewcomersAndResidence1796573783033Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`newcomer_application\` (\`id\` int NOT NULL AUTO_INCREMENT, \`accountId\` int NOT NULL, \`villageId\` int NOT NULL, \`name\` varchar(30) NOT NULL, \`idNumberEnc\` varchar(128) NOT NULL, \`idNumberMasked\` varchar(24) NOT NULL, \`pendingKey\` varchar(80) NULL, \`phoneEnc\` varchar(128) NOT NULL, \`phoneMasked\` varchar(16) NOT NULL, \`address\` varchar(100) NOT NULL, \`movedInOn\` varchar(10) NOT NULL, \`proofFileIds\` text NOT NULL, \`state\` varchar(16) NOT NULL, \`reason\` varchar(200) NULL, \`residentId\` int NULL, \`decidedByAccountId\` int NULL, \`decidedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_newcomer_application_pending\` (\`pendingKey\`), INDEX \`ix_newcomer_application_account\` (\`accountId\`, \`id\`), INDEX \`ix_newcomer_application_village_state\` (\`villageId\`, \`state\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(`ALTER TABLE \`resident\` ADD \`residentSince\` varchar(10) NULL`)
    await queryRunner.query(`ALTER TABLE \`resident\` ADD \`proofFileId\` int NULL`)
    await queryRunner.query(`ALTER TABLE \`resident\` ADD \`takesPartOn\` varchar(10) NULL`)
    await queryRunner.query(`ALTER TABLE \`resident\` ADD \`admissionBody\` varchar(32) NULL`)
    await queryRunner.query(`ALTER TABLE \`resident\` ADD \`admissionRef\` varchar(60) NULL`)
    await queryRunner.query(`ALTER TABLE \`resident\` ADD \`admittedOn\` varchar(10) NULL`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`resident\` DROP COLUMN \`admittedOn\``)
    await queryRunner.query(`ALTER TABLE \`resident\` DROP COLUMN \`admissionRef\``)
    await queryRunner.query(`ALTER TABLE \`resident\` DROP COLUMN \`admissionBody\``)
    await queryRunner.query(`ALTER TABLE \`resident\` DROP COLUMN \`takesPartOn\``)
    await queryRunner.query(`ALTER TABLE \`resident\` DROP COLUMN \`proofFileId\``)
    await queryRunner.query(`ALTER TABLE \`resident\` DROP COLUMN \`residentSince\``)
    await queryRunner.query(
      `DROP INDEX \`ix_newcomer_application_village_state\` ON \`newcomer_application\``,
    )
    await queryRunner.query(`DROP INDEX \`ix_newcomer_application_account\` ON \`newcomer_application\``)
    await queryRunner.query(`DROP INDEX \`uq_newcomer_application_pending\` ON \`newcomer_application\``)
    await queryRunner.query(`DROP TABLE \`newcomer_application\``)
  }
}
