import type { MigrationInterface, QueryRunner } from 'typeorm'

export class PointsLedger1796573847207Mysql implements MigrationInterface {
  name = 'PointsLedger1796573847207Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`points_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`householdId\` int NOT NULL, \`residentId\` int NULL, \`personName\` varchar(30) NULL, \`kind\` varchar(20) NOT NULL, \`points\` int NOT NULL, \`sourceType\` varchar(20) NOT NULL, \`sourceId\` int NOT NULL, \`sourceLabel\` varchar(120) NOT NULL, \`sourceKey\` varchar(80) NOT NULL, \`rulesVersion\` int NULL, \`earnedAt\` datetime NOT NULL, \`recordedByAccountId\` int NULL, \`recordedByName\` varchar(30) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_points_entry_household\` (\`villageId\`, \`householdId\`, \`id\`), UNIQUE INDEX \`uq_points_entry_source\` (\`villageId\`, \`sourceKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`points_rules_version\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`version\` int NOT NULL, \`points\` text NOT NULL, \`publishedOn\` varchar(10) NOT NULL, \`publishedByAccountId\` int NOT NULL, \`publishedByName\` varchar(30) NOT NULL, \`publishedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_points_rules_version\` (\`villageId\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`points_settings\` (\`villageId\` int NOT NULL, \`rankingPublic\` tinyint NOT NULL DEFAULT 0, PRIMARY KEY (\`villageId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`points_shop_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`name\` varchar(30) NOT NULL, \`cost\` int NOT NULL, \`stock\` int NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_points_shop_item_village\` (\`villageId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_points_shop_item_village\` ON \`points_shop_item\``)
    await queryRunner.query(`DROP TABLE \`points_shop_item\``)
    await queryRunner.query(`DROP TABLE \`points_settings\``)
    await queryRunner.query(`DROP INDEX \`uq_points_rules_version\` ON \`points_rules_version\``)
    await queryRunner.query(`DROP TABLE \`points_rules_version\``)
    await queryRunner.query(`DROP INDEX \`uq_points_entry_source\` ON \`points_entry\``)
    await queryRunner.query(`DROP INDEX \`ix_points_entry_household\` ON \`points_entry\``)
    await queryRunner.query(`DROP TABLE \`points_entry\``)
  }
}
