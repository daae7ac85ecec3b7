import type { MigrationInterface, QueryRunner } from 'typeorm'

export class VillageRules1796562284897Mysql implements MigrationInterface {
  name = 'VillageRules1796562284897Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`village_rules_correction\` (\`id\` int NOT NULL AUTO_INCREMENT, \`filingId\` int NOT NULL, \`villageId\` int NOT NULL, \`clause\` varchar(200) NOT NULL, \`reason\` varchar(500) NOT NULL, \`orderedAt\` datetime NOT NULL, \`orderedByAccountId\` int NOT NULL, \`orderedByName\` varchar(30) NOT NULL, INDEX \`ix_village_rules_correction_filing\` (\`filingId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`village_rules_filing\` (\`id\` int NOT NULL AUTO_INCREMENT, \`versionId\` int NOT NULL, \`villageId\` int NOT NULL, \`townshipId\` int NOT NULL, \`filedAt\` datetime NOT NULL, \`filedByAccountId\` int NOT NULL, \`filedByName\` varchar(30) NOT NULL, UNIQUE INDEX \`ux_village_rules_filing_version\` (\`versionId\`), INDEX \`ix_village_rules_filing_township\` (\`townshipId\`, \`filedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`village_rules_version\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`number\` int NOT NULL, \`title\` varchar(60) NOT NULL, \`text\` text NOT NULL, \`status\` varchar(16) NOT NULL, \`basedOnId\` int NULL, \`deliberationId\` int NULL, \`contentHash\` varchar(64) NULL, \`adoptedAt\` datetime NULL, \`createdByAccountId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_village_rules_version_deliberation\` (\`deliberationId\`), INDEX \`ix_village_rules_version_status\` (\`villageId\`, \`status\`), UNIQUE INDEX \`ux_village_rules_version_number\` (\`villageId\`, \`kind\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ux_village_rules_version_number\` ON \`village_rules_version\``)
    await queryRunner.query(`DROP INDEX \`ix_village_rules_version_status\` ON \`village_rules_version\``)
    await queryRunner.query(
      `DROP INDEX \`ix_village_rules_version_deliberation\` ON \`village_rules_version\``,
    )
    await queryRunner.query(`DROP TABLE \`village_rules_version\``)
    await queryRunner.query(`DROP INDEX \`ix_village_rules_filing_township\` ON \`village_rules_filing\``)
    await queryRunner.query(`DROP INDEX \`ux_village_rules_filing_version\` ON \`village_rules_filing\``)
    await queryRunner.query(`DROP TABLE \`village_rules_filing\``)
    await queryRunner.query(
      `DROP INDEX \`ix_village_rules_correction_filing\` ON \`village_rules_correction\``,
    )
    await queryRunner.query(`DROP TABLE \`village_rules_correction\``)
  }
}
