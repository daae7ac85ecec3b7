import type { MigrationInterface, QueryRunner } from 'typeorm'

export class PublicNotices1795616603365Mysql implements MigrationInterface {
  name = 'PublicNotices1795616603365Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`notice_version\` (\`id\` int NOT NULL AUTO_INCREMENT, \`noticeId\` int NOT NULL, \`villageId\` int NOT NULL, \`version\` int NOT NULL, \`title\` varchar(80) NOT NULL, \`body\` text NOT NULL, \`lines\` text NULL, \`totals\` text NULL, \`attachments\` text NULL, \`reason\` text NULL, \`contentHash\` varchar(64) NOT NULL, \`createdByAccountId\` int NULL, \`createdByName\` varchar(30) NULL, \`createdAt\` datetime NOT NULL, UNIQUE INDEX \`uq_notice_version\` (\`noticeId\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`notice_read\` (\`id\` int NOT NULL AUTO_INCREMENT, \`noticeId\` int NOT NULL, \`accountId\` int NOT NULL, \`version\` int NOT NULL, \`readAt\` datetime NOT NULL, INDEX \`ix_notice_read_account\` (\`accountId\`, \`noticeId\`), UNIQUE INDEX \`uq_notice_read\` (\`noticeId\`, \`accountId\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`notice_ack\` (\`id\` int NOT NULL AUTO_INCREMENT, \`noticeId\` int NOT NULL, \`householdId\` int NOT NULL, \`residentId\` int NOT NULL, \`accountId\` int NOT NULL, \`residentName\` varchar(30) NOT NULL, \`at\` datetime NOT NULL, UNIQUE INDEX \`uq_notice_ack_household\` (\`noticeId\`, \`householdId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`notice_objection\` (\`id\` int NOT NULL AUTO_INCREMENT, \`noticeId\` int NOT NULL, \`villageId\` int NOT NULL, \`objectorAccountId\` int NOT NULL, \`objectorName\` varchar(30) NOT NULL, \`text\` text NOT NULL, \`photoIds\` text NULL, \`state\` varchar(20) NOT NULL, \`submittedAt\` datetime NOT NULL, \`dueAt\` datetime NOT NULL, \`answer\` text NULL, \`answerPhotoIds\` text NULL, \`answeredAt\` datetime NULL, \`answeredByAccountId\` int NULL, \`answeredByName\` varchar(30) NULL, \`acceptedAt\` datetime NULL, \`escalationReason\` text NULL, \`escalatedAt\` datetime NULL, \`townshipAnswer\` text NULL, \`townshipAnsweredAt\` datetime NULL, \`townshipAnsweredByName\` varchar(30) NULL, INDEX \`ix_notice_objection_objector\` (\`objectorAccountId\`), INDEX \`ix_notice_objection_village\` (\`villageId\`, \`state\`, \`dueAt\`), INDEX \`ix_notice_objection_notice\` (\`noticeId\`, \`submittedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`notice_settings\` (\`villageId\` int NOT NULL, \`financeCadence\` varchar(16) NOT NULL, \`graceDays\` int NOT NULL, \`majorDays\` int NOT NULL, \`calendarFrom\` varchar(10) NOT NULL, PRIMARY KEY (\`villageId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`lines\` text NULL`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`totals\` text NULL`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`attachmentIds\` text NULL`)
    await queryRunner.query(
      `ALTER TABLE \`public_notice\` ADD \`state\` varchar(16) NOT NULL DEFAULT 'published'`,
    )
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`version\` int NOT NULL DEFAULT '0'`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`audienceGroupId\` int NULL`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`periodStart\` varchar(10) NULL`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`periodEnd\` varchar(10) NULL`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`pinned\` tinyint NOT NULL DEFAULT 0`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`requiresAck\` tinyint NOT NULL DEFAULT 0`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`major\` tinyint NOT NULL DEFAULT 0`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`coversPeriod\` varchar(8) NULL`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`returnReason\` text NULL`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` ADD \`createdByAccountId\` int NULL`)
    await queryRunner.query(
      `ALTER TABLE \`public_notice\` ADD \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)`,
    )
    // widened in place: the generator's DROP + ADD would empty the type of every stored file
    await queryRunner.query(`ALTER TABLE \`stored_file\` MODIFY \`mime\` varchar(100) NOT NULL`)
    await queryRunner.query(`DROP INDEX \`ix_public_notice_village\` ON \`public_notice\``)
    await queryRunner.query(
      `ALTER TABLE \`public_notice\` CHANGE \`publishedAt\` \`publishedAt\` datetime NULL`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_public_notice_village_state\` ON \`public_notice\` (\`villageId\`, \`state\`, \`category\`)`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_public_notice_village\` ON \`public_notice\` (\`villageId\`, \`publishedAt\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_public_notice_village\` ON \`public_notice\``)
    await queryRunner.query(`DROP INDEX \`ix_public_notice_village_state\` ON \`public_notice\``)
    await queryRunner.query(
      `ALTER TABLE \`public_notice\` CHANGE \`publishedAt\` \`publishedAt\` datetime NOT NULL`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_public_notice_village\` ON \`public_notice\` (\`villageId\`, \`publishedAt\`)`,
    )
    await queryRunner.query(`ALTER TABLE \`stored_file\` MODIFY \`mime\` varchar(32) NOT NULL`)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`createdAt\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`createdByAccountId\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`returnReason\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`coversPeriod\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`major\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`requiresAck\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`pinned\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`periodEnd\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`periodStart\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`audienceGroupId\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`version\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`state\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`attachmentIds\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`totals\``)
    await queryRunner.query(`ALTER TABLE \`public_notice\` DROP COLUMN \`lines\``)
    await queryRunner.query(`DROP TABLE \`notice_settings\``)
    await queryRunner.query(`DROP INDEX \`ix_notice_objection_notice\` ON \`notice_objection\``)
    await queryRunner.query(`DROP INDEX \`ix_notice_objection_village\` ON \`notice_objection\``)
    await queryRunner.query(`DROP INDEX \`ix_notice_objection_objector\` ON \`notice_objection\``)
    await queryRunner.query(`DROP TABLE \`notice_objection\``)
    await queryRunner.query(`DROP INDEX \`uq_notice_ack_household\` ON \`notice_ack\``)
    await queryRunner.query(`DROP TABLE \`notice_ack\``)
    await queryRunner.query(`DROP INDEX \`uq_notice_read\` ON \`notice_read\``)
    await queryRunner.query(`DROP INDEX \`ix_notice_read_account\` ON \`notice_read\``)
    await queryRunner.query(`DROP TABLE \`notice_read\``)
    await queryRunner.query(`DROP INDEX \`uq_notice_version\` ON \`notice_version\``)
    await queryRunner.query(`DROP TABLE \`notice_version\``)
  }
}
