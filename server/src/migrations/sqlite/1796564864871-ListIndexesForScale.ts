import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ListIndexesForScale1796564864871Sqlite implements MigrationInterface {
  name = 'ListIndexesForScale1796564864871Sqlite'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_village_stats" ON "grievance" ("villageId", "state", "dueAt", "answerMinutes", "rating") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_grievance_wall" ON "grievance" ("villageId", "visibility", "moderation", "id") `,
    )
    await queryRunner.query(`CREATE INDEX "ix_grievance_village_id" ON "grievance" ("villageId", "id") `)
    await queryRunner.query(
      `CREATE INDEX "ix_public_notice_feed" ON "public_notice" ("villageId", "pinned", "publishedAt", "id") `,
    )
    await queryRunner.query(
      `CREATE INDEX "ix_resident_village_household" ON "resident" ("villageId", "householdId", "id") `,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_resident_village_household"`)
    await queryRunner.query(`DROP INDEX "ix_public_notice_feed"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_village_id"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_wall"`)
    await queryRunner.query(`DROP INDEX "ix_grievance_village_stats"`)
  }
}
