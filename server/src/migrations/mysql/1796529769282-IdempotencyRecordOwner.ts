import type { MigrationInterface, QueryRunner } from 'typeorm'

export class IdempotencyRecordOwner1796529769282Mysql implements MigrationInterface {
  name = 'IdempotencyRecordOwner1796529769282Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`idempotency_record\` ADD \`owner\` varchar(160) NULL`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`idempotency_record\` DROP COLUMN \`owner\``)
  }
}
