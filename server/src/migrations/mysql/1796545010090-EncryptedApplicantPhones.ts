import type { MigrationInterface, QueryRunner } from 'typeorm'

export class EncryptedApplicantPhones1796545010090Mysql implements MigrationInterface {
  name = 'EncryptedApplicantPhones1796545010090Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`certificate_request\` ADD \`applicantPhoneEnc\` varchar(128) NULL`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`certificate_request\` DROP COLUMN \`applicantPhoneEnc\``)
  }
}
