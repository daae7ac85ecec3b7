import type { MigrationInterface, QueryRunner } from 'typeorm'

export class DeliberationPetitionsOpinionsMinutes1795616098974Mysql implements MigrationInterface {
  name = 'DeliberationPetitionsOpinionsMinutes1795616098974Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`petition\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`target\` varchar(32) NOT NULL, \`title\` varchar(60) NOT NULL, \`text\` text NOT NULL, \`rule\` text NOT NULL, \`totals\` text NOT NULL, \`status\` varchar(16) NOT NULL, \`initiatorAccountId\` int NOT NULL, \`initiatorResidentId\` int NOT NULL, \`initiatorName\` varchar(30) NOT NULL, \`reachedAt\` datetime NULL, \`deliberationId\` int NULL, \`withdrawnAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_petition_village\` (\`villageId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`petition_signature\` (\`id\` int NOT NULL AUTO_INCREMENT, \`petitionId\` int NOT NULL, \`residentId\` int NOT NULL, \`householdId\` int NOT NULL, \`accountId\` int NOT NULL, \`asAdult\` tinyint NOT NULL, \`asRepresentative\` tinyint NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_petition_signature\` (\`petitionId\`, \`residentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_opinion\` (\`id\` int NOT NULL AUTO_INCREMENT, \`deliberationId\` int NOT NULL, \`villageId\` int NOT NULL, \`residentId\` int NOT NULL, \`accountId\` int NOT NULL, \`name\` varchar(30) NOT NULL, \`text\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_deliberation_opinion\` (\`deliberationId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_meeting_minutes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`meetingId\` int NOT NULL, \`seq\` int NOT NULL, \`text\` text NOT NULL, \`recordedByAccountId\` int NOT NULL, \`recordedByName\` varchar(30) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_deliberation_meeting_minutes\` (\`meetingId\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`deliberation_township_attendee\` (\`id\` int NOT NULL AUTO_INCREMENT, \`meetingId\` int NOT NULL, \`accountId\` int NOT NULL, \`name\` varchar(30) NOT NULL, \`title\` varchar(30) NOT NULL, \`recordedByAccountId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_deliberation_township_attendee\` (\`meetingId\`, \`accountId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(`ALTER TABLE \`deliberation\` ADD \`sourcePetitionId\` int NULL`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`deliberation\` DROP COLUMN \`sourcePetitionId\``)
    await queryRunner.query(
      `DROP INDEX \`uq_deliberation_township_attendee\` ON \`deliberation_township_attendee\``,
    )
    await queryRunner.query(`DROP TABLE \`deliberation_township_attendee\``)
    await queryRunner.query(
      `DROP INDEX \`uq_deliberation_meeting_minutes\` ON \`deliberation_meeting_minutes\``,
    )
    await queryRunner.query(`DROP TABLE \`deliberation_meeting_minutes\``)
    await queryRunner.query(`DROP INDEX \`ix_deliberation_opinion\` ON \`deliberation_opinion\``)
    await queryRunner.query(`DROP TABLE \`deliberation_opinion\``)
    await queryRunner.query(`DROP INDEX \`uq_petition_signature\` ON \`petition_signature\``)
    await queryRunner.query(`DROP TABLE \`petition_signature\``)
    await queryRunner.query(`DROP INDEX \`ix_petition_village\` ON \`petition\``)
    await queryRunner.query(`DROP TABLE \`petition\``)
  }
}
