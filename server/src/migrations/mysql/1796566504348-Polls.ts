import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Polls1796566504348Mysql implements MigrationInterface {
  name = 'Polls1796566504348Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`poll_respondent\` (\`pollId\` int NOT NULL, \`residentId\` int NOT NULL, \`requestKey\` varchar(64) NULL, PRIMARY KEY (\`pollId\`, \`residentId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`poll_choice\` (\`id\` varchar(36) NOT NULL, \`pollId\` int NOT NULL, \`question\` int NOT NULL, \`option\` int NOT NULL, INDEX \`ix_poll_choice_poll\` (\`pollId\`, \`question\`, \`option\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`poll\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`title\` varchar(40) NOT NULL, \`explanation\` text NOT NULL, \`questions\` text NOT NULL, \`endsOn\` varchar(10) NOT NULL, \`resultsBeforeEnd\` tinyint NOT NULL DEFAULT 0, \`closedAt\` datetime NULL, \`createdByName\` varchar(30) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_poll_village\` (\`villageId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_poll_village\` ON \`poll\``)
    await queryRunner.query(`DROP TABLE \`poll\``)
    await queryRunner.query(`DROP INDEX \`ix_poll_choice_poll\` ON \`poll_choice\``)
    await queryRunner.query(`DROP TABLE \`poll_choice\``)
    await queryRunner.query(`DROP TABLE \`poll_respondent\``)
  }
}
