import type { MigrationInterface, QueryRunner } from 'typeorm'

export class GrievanceRaiserIndex1796583880233Mysql implements MigrationInterface {
  name = 'GrievanceRaiserIndex1796583880233Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_grievance_raiser_resident\` ON \`grievance\``)
    await queryRunner.query(
      `CREATE INDEX \`ix_grievance_raiser_resident_village\` ON \`grievance\` (\`raiserResidentId\`, \`villageId\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_grievance_raiser_resident_village\` ON \`grievance\``)
    await queryRunner.query(
      `CREATE INDEX \`ix_grievance_raiser_resident\` ON \`grievance\` (\`raiserResidentId\`)`,
    )
  }
}
