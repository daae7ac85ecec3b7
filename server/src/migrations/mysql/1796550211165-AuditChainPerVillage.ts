import type { MigrationInterface, QueryRunner } from 'typeorm'

export class AuditChainPerVillage1796550211165Mysql implements MigrationInterface {
  name = 'AuditChainPerVillage1796550211165Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_verify_run\` (\`id\` int NOT NULL AUTO_INCREMENT, \`mode\` varchar(16) NOT NULL, \`state\` varchar(16) NOT NULL, \`checked\` int NOT NULL DEFAULT '0', \`total\` int NOT NULL DEFAULT '0', \`result\` text NULL, \`requestedBy\` int NULL, \`startedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`progressAt\` datetime NOT NULL, \`finishedAt\` datetime NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(`ALTER TABLE \`audit_entry\` ADD \`chain\` int NOT NULL DEFAULT '0'`)
    await queryRunner.query(`ALTER TABLE \`audit_entry\` ADD \`link\` int NOT NULL DEFAULT '0'`)
    await queryRunner.query(`ALTER TABLE \`audit_head\` ADD \`verifiedLink\` int NOT NULL DEFAULT '0'`)
    await queryRunner.query(
      `ALTER TABLE \`audit_head\` ADD \`verifiedHash\` varchar(64) NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000'`,
    )
    await queryRunner.query(`DROP INDEX \`ix_audit_org_seq\` ON \`audit_entry\``)
    // keep every entry's number: the column becomes self-numbering, it is not dropped and re-added
    await queryRunner.query(`ALTER TABLE \`audit_entry\` MODIFY \`seq\` int NOT NULL AUTO_INCREMENT`)
    // the one chain so far becomes chain 0, each entry's place in it its old number, so its hash holds
    await queryRunner.query(`UPDATE \`audit_entry\` SET \`chain\` = 0, \`link\` = \`seq\``)
    await queryRunner.query(`UPDATE \`audit_head\` SET \`id\` = 0 WHERE \`id\` = 1`)
    await queryRunner.query(
      `CREATE INDEX \`ix_audit_target\` ON \`audit_entry\` (\`targetType\`, \`targetId\`)`,
    )
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`uq_audit_chain_link\` ON \`audit_entry\` (\`chain\`, \`link\`)`,
    )
    await queryRunner.query(`CREATE INDEX \`ix_audit_org_seq\` ON \`audit_entry\` (\`orgId\`, \`seq\`)`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_audit_org_seq\` ON \`audit_entry\``)
    await queryRunner.query(`DROP INDEX \`uq_audit_chain_link\` ON \`audit_entry\``)
    await queryRunner.query(`DROP INDEX \`ix_audit_target\` ON \`audit_entry\``)
    await queryRunner.query(`ALTER TABLE \`audit_entry\` MODIFY \`seq\` int NOT NULL`)
    await queryRunner.query(`UPDATE \`audit_head\` SET \`id\` = 1 WHERE \`id\` = 0`)
    await queryRunner.query(`CREATE INDEX \`ix_audit_org_seq\` ON \`audit_entry\` (\`orgId\`, \`seq\`)`)
    await queryRunner.query(`ALTER TABLE \`audit_head\` DROP COLUMN \`verifiedHash\``)
    await queryRunner.query(`ALTER TABLE \`audit_head\` DROP COLUMN \`verifiedLink\``)
    await queryRunner.query(`ALTER TABLE \`audit_entry\` DROP COLUMN \`link\``)
    await queryRunner.query(`ALTER TABLE \`audit_entry\` DROP COLUMN \`chain\``)
    await queryRunner.query(`DROP TABLE \`audit_verify_run\``)
  }
}
