import type { MigrationInterface, QueryRunner } from 'typeorm'

export class GrievanceRaiserIndex1796583880233Sqlite implements MigrationInterface {
  name = 'GrievanceRaiserIndex1796583880233Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser_resident"`)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_raiser_resident_village" ON "grievance" ("raiserResidentId", "villageId") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_grievance_raiser_resident_village"`)
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_raiser_resident" ON "grievance" ("raiserResidentId") `,
    )
  }
}
