import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Initial1795607028899Mysql implements MigrationInterface {
  name = 'Initial1795607028899Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_entry\` (\`seq\` int NOT NULL, \`actorAccountId\` int NULL, \`actorName\` varchar(64) NULL, \`actorRole\` varchar(32) NULL, \`orgId\` int NULL, \`action\` varchar(64) NOT NULL, \`targetType\` varchar(48) NOT NULL, \`targetId\` varchar(64) NOT NULL, \`beforeDigest\` varchar(64) NULL, \`afterDigest\` varchar(64) NULL, \`at\` varchar(24) NOT NULL, \`prevHash\` varchar(64) NOT NULL, \`hash\` varchar(64) NOT NULL, INDEX \`ix_audit_org_seq\` (\`orgId\`, \`seq\`), PRIMARY KEY (\`seq\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`audit_head\` (\`id\` int NOT NULL, \`lastSeq\` int NOT NULL, \`lastHash\` varchar(64) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`idempotency_record\` (\`id\` int NOT NULL AUTO_INCREMENT, \`scope\` varchar(24) NOT NULL, \`key\` varchar(128) NOT NULL, \`requestHash\` varchar(64) NOT NULL, \`state\` varchar(16) NOT NULL, \`responseBody\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_idempotency_scope_key\` (\`scope\`, \`key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`account\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NULL, \`demoKey\` varchar(64) NULL, \`displayName\` varchar(64) NOT NULL, \`preferences\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`lastLoginAt\` datetime NULL, UNIQUE INDEX \`uq_account_openid\` (\`openid\`), UNIQUE INDEX \`uq_account_demo_key\` (\`demoKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`refresh_token\` (\`id\` int NOT NULL AUTO_INCREMENT, \`accountId\` int NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`familyId\` varchar(36) NOT NULL, \`expiresAt\` datetime NOT NULL, \`rotatedAt\` datetime NULL, \`revokedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_refresh_token_account\` (\`accountId\`), UNIQUE INDEX \`uq_refresh_token_hash\` (\`tokenHash\`), INDEX \`ix_refresh_token_family\` (\`familyId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`org\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(16) NOT NULL, \`name\` varchar(64) NOT NULL, \`code\` varchar(32) NOT NULL, \`parentId\` int NULL, \`settings\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_org_code\` (\`code\`), INDEX \`ix_org_parent\` (\`parentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`household\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`groupId\` int NULL, \`code\` varchar(32) NOT NULL, \`address\` varchar(200) NULL, \`headResidentId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_household_village_code\` (\`villageId\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`resident\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`householdId\` int NOT NULL, \`name\` varchar(30) NOT NULL, \`sex\` varchar(8) NOT NULL, \`birthDate\` varchar(10) NOT NULL, \`idNumberEnc\` varchar(128) NOT NULL, \`idNumberHash\` varchar(64) NOT NULL, \`idNumberMasked\` varchar(24) NOT NULL, \`phone\` varchar(16) NULL, \`isHouseholdHead\` tinyint NOT NULL DEFAULT 0, \`isHouseholdRep\` tinyint NOT NULL DEFAULT 0, \`residency\` varchar(16) NOT NULL, \`accountId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_resident_household\` (\`householdId\`), INDEX \`ix_resident_account\` (\`accountId\`), UNIQUE INDEX \`uq_resident_village_id_hash\` (\`villageId\`, \`idNumberHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`verification_request\` (\`id\` int NOT NULL AUTO_INCREMENT, \`accountId\` int NOT NULL, \`villageId\` int NOT NULL, \`residentId\` int NULL, \`name\` varchar(30) NOT NULL, \`idNumberEnc\` varchar(128) NOT NULL, \`idNumberMasked\` varchar(24) NOT NULL, \`phone\` varchar(16) NOT NULL, \`state\` varchar(16) NOT NULL, \`reason\` varchar(200) NULL, \`decidedByAccountId\` int NULL, \`decidedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_verification_account\` (\`accountId\`), INDEX \`ix_verification_village_state\` (\`villageId\`, \`state\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`role_assignment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orgId\` int NOT NULL, \`role\` varchar(32) NOT NULL, \`residentId\` int NULL, \`accountId\` int NULL, \`holder\` varchar(24) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_role_assignment_resident\` (\`residentId\`), INDEX \`ix_role_assignment_account\` (\`accountId\`), UNIQUE INDEX \`uq_role_assignment\` (\`orgId\`, \`role\`, \`holder\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`notification\` (\`id\` int NOT NULL AUTO_INCREMENT, \`accountId\` int NOT NULL, \`orgId\` int NULL, \`kind\` varchar(48) NOT NULL, \`title\` varchar(100) NOT NULL, \`body\` text NOT NULL, \`link\` varchar(200) NULL, \`readAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_notification_account_read\` (\`accountId\`, \`readAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`outbox_message\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NOT NULL, \`templateId\` varchar(64) NOT NULL, \`page\` varchar(200) NULL, \`data\` text NOT NULL, \`state\` varchar(16) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`nextAttemptAt\` datetime NOT NULL, \`claimedUntil\` datetime NULL, \`lastError\` varchar(300) NULL, \`sentAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_outbox_due\` (\`state\`, \`nextAttemptAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_outbox_due\` ON \`outbox_message\``)
    await queryRunner.query(`DROP TABLE \`outbox_message\``)
    await queryRunner.query(`DROP INDEX \`ix_notification_account_read\` ON \`notification\``)
    await queryRunner.query(`DROP TABLE \`notification\``)
    await queryRunner.query(`DROP INDEX \`uq_role_assignment\` ON \`role_assignment\``)
    await queryRunner.query(`DROP INDEX \`ix_role_assignment_account\` ON \`role_assignment\``)
    await queryRunner.query(`DROP INDEX \`ix_role_assignment_resident\` ON \`role_assignment\``)
    await queryRunner.query(`DROP TABLE \`role_assignment\``)
    await queryRunner.query(`DROP INDEX \`ix_verification_village_state\` ON \`verification_request\``)
    await queryRunner.query(`DROP INDEX \`ix_verification_account\` ON \`verification_request\``)
    await queryRunner.query(`DROP TABLE \`verification_request\``)
    await queryRunner.query(`DROP INDEX \`uq_resident_village_id_hash\` ON \`resident\``)
    await queryRunner.query(`DROP INDEX \`ix_resident_account\` ON \`resident\``)
    await queryRunner.query(`DROP INDEX \`ix_resident_household\` ON \`resident\``)
    await queryRunner.query(`DROP TABLE \`resident\``)
    await queryRunner.query(`DROP INDEX \`uq_household_village_code\` ON \`household\``)
    await queryRunner.query(`DROP TABLE \`household\``)
    await queryRunner.query(`DROP INDEX \`ix_org_parent\` ON \`org\``)
    await queryRunner.query(`DROP INDEX \`uq_org_code\` ON \`org\``)
    await queryRunner.query(`DROP TABLE \`org\``)
    await queryRunner.query(`DROP INDEX \`ix_refresh_token_family\` ON \`refresh_token\``)
    await queryRunner.query(`DROP INDEX \`uq_refresh_token_hash\` ON \`refresh_token\``)
    await queryRunner.query(`DROP INDEX \`ix_refresh_token_account\` ON \`refresh_token\``)
    await queryRunner.query(`DROP TABLE \`refresh_token\``)
    await queryRunner.query(`DROP INDEX \`uq_account_demo_key\` ON \`account\``)
    await queryRunner.query(`DROP INDEX \`uq_account_openid\` ON \`account\``)
    await queryRunner.query(`DROP TABLE \`account\``)
    await queryRunner.query(`DROP INDEX \`uq_idempotency_scope_key\` ON \`idempotency_record\``)
    await queryRunner.query(`DROP TABLE \`idempotency_record\``)
    await queryRunner.query(`DROP TABLE \`audit_head\``)
    await queryRunner.query(`DROP INDEX \`ix_audit_org_seq\` ON \`audit_entry\``)
    await queryRunner.query(`DROP TABLE \`audit_entry\``)
  }
}
