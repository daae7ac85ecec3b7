import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Grids1796550597029Mysql implements MigrationInterface {
  name = 'Grids1796550597029Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`grievance_subject\` (\`grievanceId\` int NOT NULL, \`residentId\` int NOT NULL, INDEX \`ix_grievance_subject_resident\` (\`residentId\`), PRIMARY KEY (\`grievanceId\`, \`residentId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`grid_household\` (\`householdId\` int NOT NULL, \`villageId\` int NOT NULL, \`gridId\` int NOT NULL, INDEX \`ix_grid_household_grid\` (\`gridId\`), PRIMARY KEY (\`householdId\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`grid_worker\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`gridId\` int NOT NULL, \`residentId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_grid_worker_village_resident\` (\`villageId\`, \`residentId\`), UNIQUE INDEX \`uq_grid_worker\` (\`gridId\`, \`residentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(
      `CREATE TABLE \`grid\` (\`id\` int NOT NULL AUTO_INCREMENT, \`villageId\` int NOT NULL, \`name\` varchar(20) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_grid_village_name\` (\`villageId\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(`ALTER TABLE \`grievance\` ADD \`collectorName\` varchar(30) NULL`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`grievance\` DROP COLUMN \`collectorName\``)
    await queryRunner.query(`DROP INDEX \`uq_grid_village_name\` ON \`grid\``)
    await queryRunner.query(`DROP TABLE \`grid\``)
    await queryRunner.query(`DROP INDEX \`uq_grid_worker\` ON \`grid_worker\``)
    await queryRunner.query(`DROP INDEX \`ix_grid_worker_village_resident\` ON \`grid_worker\``)
    await queryRunner.query(`DROP TABLE \`grid_worker\``)
    await queryRunner.query(`DROP INDEX \`ix_grid_household_grid\` ON \`grid_household\``)
    await queryRunner.query(`DROP TABLE \`grid_household\``)
    await queryRunner.query(`DROP INDEX \`ix_grievance_subject_resident\` ON \`grievance_subject\``)
    await queryRunner.query(`DROP TABLE \`grievance_subject\``)
  }
}
