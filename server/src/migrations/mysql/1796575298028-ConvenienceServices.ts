import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ConvenienceServices1796575298028Mysql implements MigrationInterface {
  name = 'ConvenienceServices1796575298028Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`service_catalogue_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`countyId\` int NOT NULL, \`code\` varchar(32) NOT NULL, \`name\` varchar(30) NOT NULL, \`office\` varchar(40) NOT NULL, \`materials\` text NOT NULL, \`timeLimitDays\` int NOT NULL, \`dayKind\` varchar(8) NOT NULL, \`handling\` varchar(8) NOT NULL, \`description\` text NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`version\` int NOT NULL DEFAULT '1', \`updatedByName\` varchar(30) NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_service_item_county_code\` (\`countyId\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`service_request_step\` (\`id\` int NOT NULL AUTO_INCREMENT, \`requestId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`at\` datetime NOT NULL, \`byAccountId\` int NOT NULL, \`byName\` varchar(30) NOT NULL, \`office\` varchar(40) NULL, \`receiver\` varchar(30) NULL, \`note\` text NULL, \`photoId\` int NULL, INDEX \`ix_service_step_request\` (\`requestId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`service_request\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`residentId\` int NOT NULL, \`residentName\` varchar(30) NOT NULL, \`accountId\` int NULL, \`itemCode\` varchar(32) NOT NULL, \`itemVersion\` int NOT NULL, \`itemName\` varchar(30) NOT NULL, \`office\` varchar(40) NOT NULL, \`handling\` varchar(8) NOT NULL, \`timeLimitDays\` int NOT NULL, \`dayKind\` varchar(8) NOT NULL, \`materialsAsked\` text NOT NULL, \`materialsBrought\` text NOT NULL, \`note\` text NOT NULL, \`photoIds\` text NOT NULL, \`proxy\` text NULL, \`state\` varchar(12) NOT NULL, \`dueOn\` varchar(10) NOT NULL, \`refuseReason\` varchar(200) NULL, \`closedAt\` datetime NULL, \`submittedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_service_request_account\` (\`accountId\`), INDEX \`ix_service_request_resident\` (\`villageId\`, \`residentId\`, \`id\`), INDEX \`ix_service_request_village\` (\`villageId\`, \`state\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_service_request_village\` ON \`service_request\``)
    await queryRunner.query(`DROP INDEX \`ix_service_request_resident\` ON \`service_request\``)
    await queryRunner.query(`DROP INDEX \`ix_service_request_account\` ON \`service_request\``)
    await queryRunner.query(`DROP TABLE \`service_request\``)
    await queryRunner.query(`DROP INDEX \`ix_service_step_request\` ON \`service_request_step\``)
    await queryRunner.query(`DROP TABLE \`service_request_step\``)
    await queryRunner.query(`DROP INDEX \`uq_service_item_county_code\` ON \`service_catalogue_item\``)
    await queryRunner.query(`DROP TABLE \`service_catalogue_item\``)
  }
}
