import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Activities1796573850383Mysql implements MigrationInterface {
  name = 'Activities1796573850383Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`activity_sign_up\` (\`activityId\` int NOT NULL, \`residentId\` int NOT NULL, \`walkIn\` tinyint NOT NULL DEFAULT 0, \`signedUpAt\` datetime NOT NULL, \`withdrawnAt\` datetime NULL, INDEX \`ix_activity_sign_up_resident\` (\`residentId\`, \`activityId\`), PRIMARY KEY (\`activityId\`, \`residentId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`activity_check_in\` (\`activityId\` int NOT NULL, \`residentId\` int NOT NULL, \`method\` varchar(8) NOT NULL, \`checkedInAt\` datetime NOT NULL, \`byAccountId\` int NULL, \`byName\` varchar(30) NULL, PRIMARY KEY (\`activityId\`, \`residentId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`activity\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`title\` varchar(40) NOT NULL, \`description\` text NOT NULL, \`place\` varchar(60) NOT NULL, \`startsAt\` datetime NOT NULL, \`endsAt\` datetime NOT NULL, \`signUpDeadline\` datetime NOT NULL, \`capacity\` int NOT NULL, \`volunteering\` tinyint NOT NULL DEFAULT 0, \`plannedHalfHours\` int NOT NULL DEFAULT '0', \`status\` varchar(12) NOT NULL, \`cancelReason\` varchar(200) NULL, \`publishedAt\` datetime NULL, \`endedAt\` datetime NULL, \`createdByAccountId\` int NULL, \`createdByName\` varchar(30) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_activity_village\` (\`villageId\`, \`startsAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`volunteer_hours\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`residentId\` int NOT NULL, \`source\` varchar(20) NOT NULL, \`activityId\` int NOT NULL, \`halfHours\` int NOT NULL, \`recordedByAccountId\` int NULL, \`recordedByName\` varchar(30) NOT NULL, \`recordedAt\` datetime NOT NULL, INDEX \`ix_volunteer_hours_resident\` (\`villageId\`, \`residentId\`), UNIQUE INDEX \`uq_volunteer_hours_source\` (\`source\`, \`activityId\`, \`residentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_volunteer_hours_source\` ON \`volunteer_hours\``)
    await queryRunner.query(`DROP INDEX \`ix_volunteer_hours_resident\` ON \`volunteer_hours\``)
    await queryRunner.query(`DROP TABLE \`volunteer_hours\``)
    await queryRunner.query(`DROP INDEX \`ix_activity_village\` ON \`activity\``)
    await queryRunner.query(`DROP TABLE \`activity\``)
    await queryRunner.query(`DROP TABLE \`activity_check_in\``)
    await queryRunner.query(`DROP INDEX \`ix_activity_sign_up_resident\` ON \`activity_sign_up\``)
    await queryRunner.query(`DROP TABLE \`activity_sign_up\``)
  }
}
