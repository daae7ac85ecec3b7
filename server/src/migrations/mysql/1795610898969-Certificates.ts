import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Certificates1795610898969Mysql implements MigrationInterface {
  name = 'Certificates1795610898969Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`certificate_catalogue_override\` (\`scope\` varchar(8) NOT NULL, \`scopeKey\` varchar(32) NOT NULL, \`override\` text NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`scope\`, \`scopeKey\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`certificate_counter\` (\`villageId\` int NOT NULL, \`year\` int NOT NULL, \`lastSequence\` int NOT NULL, PRIMARY KEY (\`villageId\`, \`year\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`certificate_request\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`applicantAccountId\` int NOT NULL, \`applicantResidentId\` int NOT NULL, \`applicantName\` varchar(30) NOT NULL, \`applicantPhone\` varchar(16) NULL, \`itemCode\` varchar(40) NOT NULL, \`itemName\` varchar(30) NOT NULL, \`timeLimitDays\` int NOT NULL, \`purpose\` varchar(100) NOT NULL, \`fieldsEnc\` text NOT NULL, \`materialIds\` text NOT NULL, \`copies\` int NOT NULL, \`state\` varchar(24) NOT NULL, \`dueAt\` datetime NULL, \`infoRequest\` varchar(200) NULL, \`refuseReason\` varchar(200) NULL, \`decidedByAccountId\` int NULL, \`decidedByName\` varchar(64) NULL, \`decidedAt\` datetime NULL, \`number\` varchar(40) NULL, \`issuedYear\` int NULL, \`verificationCode\` varchar(8) NULL, \`issuedAt\` datetime NULL, \`bodyEnc\` text NULL, \`revokedAt\` datetime NULL, \`revokeReason\` varchar(200) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_certificate_request_applicant\` (\`applicantAccountId\`), UNIQUE INDEX \`uq_certificate_request_number\` (\`number\`), INDEX \`ix_certificate_request_village_issued\` (\`villageId\`, \`issuedAt\`), INDEX \`ix_certificate_request_village_state\` (\`villageId\`, \`state\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`seal_use_record\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`requestId\` int NOT NULL, \`at\` datetime NOT NULL, \`certificateNumber\` varchar(40) NOT NULL, \`itemCode\` varchar(40) NOT NULL, \`itemName\` varchar(30) NOT NULL, \`copies\` int NOT NULL, \`approverName\` varchar(64) NOT NULL, \`handlerName\` varchar(64) NOT NULL, \`applicantName\` varchar(30) NOT NULL, \`applicantPhoneMasked\` varchar(16) NOT NULL, UNIQUE INDEX \`uq_seal_use_request\` (\`requestId\`), INDEX \`ix_seal_use_village_at\` (\`villageId\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_seal_use_village_at\` ON \`seal_use_record\``)
    await queryRunner.query(`DROP INDEX \`uq_seal_use_request\` ON \`seal_use_record\``)
    await queryRunner.query(`DROP TABLE \`seal_use_record\``)
    await queryRunner.query(`DROP INDEX \`ix_certificate_request_village_state\` ON \`certificate_request\``)
    await queryRunner.query(`DROP INDEX \`ix_certificate_request_village_issued\` ON \`certificate_request\``)
    await queryRunner.query(`DROP INDEX \`uq_certificate_request_number\` ON \`certificate_request\``)
    await queryRunner.query(`DROP INDEX \`ix_certificate_request_applicant\` ON \`certificate_request\``)
    await queryRunner.query(`DROP TABLE \`certificate_request\``)
    await queryRunner.query(`DROP TABLE \`certificate_counter\``)
    await queryRunner.query(`DROP TABLE \`certificate_catalogue_override\``)
  }
}
