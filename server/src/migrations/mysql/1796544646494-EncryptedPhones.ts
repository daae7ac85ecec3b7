import type { MigrationInterface, QueryRunner } from 'typeorm'

export class EncryptedPhones1796544646494Mysql implements MigrationInterface {
  name = 'EncryptedPhones1796544646494Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`resident\` ADD \`phoneEnc\` varchar(128) NULL`)
    await queryRunner.query(`ALTER TABLE \`resident\` ADD \`phoneHash\` varchar(64) NULL`)
    await queryRunner.query(`ALTER TABLE \`resident\` ADD \`phoneMasked\` varchar(16) NULL`)
    await queryRunner.query(`ALTER TABLE \`verification_request\` ADD \`phoneEnc\` varchar(128) NULL`)
    await queryRunner.query(`ALTER TABLE \`verification_request\` ADD \`phoneMasked\` varchar(16) NULL`)
    await queryRunner.query(
      `ALTER TABLE \`verification_request\` CHANGE \`phone\` \`phone\` varchar(16) NULL`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_resident_village_phone_hash\` ON \`resident\` (\`villageId\`, \`phoneHash\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Going back cannot decrypt (a migration does not hold the field key): the encrypted phones go
    // with their columns, and a claim's phone, NOT NULL again, is left empty. To go back with the
    // numbers, restore the backup taken before the upgrade (docs/operations.md).
    await queryRunner.query(`UPDATE verification_request SET phone = '' WHERE phone IS NULL`)
    await queryRunner.query(`DROP INDEX \`ix_resident_village_phone_hash\` ON \`resident\``)
    await queryRunner.query(
      `ALTER TABLE \`verification_request\` CHANGE \`phone\` \`phone\` varchar(16) NOT NULL`,
    )
    await queryRunner.query(`ALTER TABLE \`verification_request\` DROP COLUMN \`phoneMasked\``)
    await queryRunner.query(`ALTER TABLE \`verification_request\` DROP COLUMN \`phoneEnc\``)
    await queryRunner.query(`ALTER TABLE \`resident\` DROP COLUMN \`phoneMasked\``)
    await queryRunner.query(`ALTER TABLE \`resident\` DROP COLUMN \`phoneHash\``)
    await queryRunner.query(`ALTER TABLE \`resident\` DROP COLUMN \`phoneEnc\``)
  }
}
