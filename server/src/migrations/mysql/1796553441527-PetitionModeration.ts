import type { MigrationInterface, QueryRunner } from 'typeorm'

export class PetitionModeration1796553441527Mysql implements MigrationInterface {
  name = 'PetitionModeration1796553441527Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`petition\` ADD \`moderation\` varchar(10) NOT NULL DEFAULT 'shown'`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_petition_village_moderation\` ON \`petition\` (\`villageId\`, \`moderation\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_petition_village_moderation\` ON \`petition\``)
    await queryRunner.query(`ALTER TABLE \`petition\` DROP COLUMN \`moderation\``)
  }
}
