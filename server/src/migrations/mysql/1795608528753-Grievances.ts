import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Grievances1795608528753Mysql implements MigrationInterface {
  name = 'Grievances1795608528753Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`job_lease\` (\`name\` varchar(64) NOT NULL, \`holder\` varchar(64) NOT NULL, \`leaseUntil\` datetime NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`stored_file\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`uploaderAccountId\` int NOT NULL, \`sha256\` varchar(64) NOT NULL, \`mime\` varchar(32) NOT NULL, \`size\` int NOT NULL, \`width\` int NULL, \`height\` int NULL, \`storageKey\` varchar(100) NOT NULL, \`attachedType\` varchar(24) NULL, \`attachedId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_stored_file_uploader\` (\`uploaderAccountId\`), INDEX \`ix_stored_file_sha256\` (\`sha256\`), INDEX \`ix_stored_file_attached\` (\`attachedType\`, \`attachedId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`grievance\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`raiserAccountId\` int NOT NULL, \`raiserResidentId\` int NULL, \`raiserName\` varchar(30) NOT NULL, \`category\` varchar(16) NOT NULL, \`title\` varchar(40) NOT NULL, \`text\` text NOT NULL, \`photoIds\` text NOT NULL, \`location\` text NULL, \`visibility\` varchar(16) NOT NULL, \`state\` varchar(16) NOT NULL, \`dueAt\` datetime NULL, \`assigneeResidentId\` int NULL, \`assigneeName\` varchar(30) NULL, \`declineReason\` varchar(200) NULL, \`acceptedAt\` datetime NULL, \`answeredAt\` datetime NULL, \`answerMinutes\` int NULL, \`closedAt\` datetime NULL, \`escalatedAt\` datetime NULL, \`reopenCount\` int NOT NULL DEFAULT '0', \`rating\` int NULL, \`ratingComment\` varchar(200) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_grievance_raiser\` (\`raiserAccountId\`), INDEX \`ix_grievance_state_due\` (\`state\`, \`dueAt\`), INDEX \`ix_grievance_village_state\` (\`villageId\`, \`state\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`grievance_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`grievanceId\` int NOT NULL, \`action\` varchar(24) NOT NULL, \`actorAccountId\` int NULL, \`actorName\` varchar(64) NOT NULL, \`actorRole\` varchar(32) NULL, \`text\` text NULL, \`photoIds\` text NOT NULL, \`rating\` int NULL, \`at\` datetime NOT NULL, INDEX \`ix_grievance_event_grievance\` (\`grievanceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`grievance_support\` (\`id\` int NOT NULL AUTO_INCREMENT, \`grievanceId\` int NOT NULL, \`accountId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_grievance_support\` (\`grievanceId\`, \`accountId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`grievance_settings\` (\`villageId\` int NOT NULL, \`categories\` text NOT NULL, \`replyTemplates\` text NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`villageId\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`grievance_settings\``)
    await queryRunner.query(`DROP INDEX \`uq_grievance_support\` ON \`grievance_support\``)
    await queryRunner.query(`DROP TABLE \`grievance_support\``)
    await queryRunner.query(`DROP INDEX \`ix_grievance_event_grievance\` ON \`grievance_event\``)
    await queryRunner.query(`DROP TABLE \`grievance_event\``)
    await queryRunner.query(`DROP INDEX \`ix_grievance_village_state\` ON \`grievance\``)
    await queryRunner.query(`DROP INDEX \`ix_grievance_state_due\` ON \`grievance\``)
    await queryRunner.query(`DROP INDEX \`ix_grievance_raiser\` ON \`grievance\``)
    await queryRunner.query(`DROP TABLE \`grievance\``)
    await queryRunner.query(`DROP INDEX \`ix_stored_file_attached\` ON \`stored_file\``)
    await queryRunner.query(`DROP INDEX \`ix_stored_file_sha256\` ON \`stored_file\``)
    await queryRunner.query(`DROP INDEX \`ix_stored_file_uploader\` ON \`stored_file\``)
    await queryRunner.query(`DROP TABLE \`stored_file\``)
    await queryRunner.query(`DROP TABLE \`job_lease\``)
  }
}
