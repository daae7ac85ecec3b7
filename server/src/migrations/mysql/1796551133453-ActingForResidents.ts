import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ActingForResidents1796551133453Mysql implements MigrationInterface {
  name = 'ActingForResidents1796551133453Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`certificate_request\` ADD \`proxy\` text NULL`)
    await queryRunner.query(`ALTER TABLE \`grievance\` ADD \`proxy\` text NULL`)
    await queryRunner.query(`ALTER TABLE \`notice_objection\` ADD \`objectorResidentId\` int NULL`)
    await queryRunner.query(`ALTER TABLE \`notice_objection\` ADD \`proxy\` text NULL`)
    await queryRunner.query(
      `ALTER TABLE \`certificate_request\` CHANGE \`applicantAccountId\` \`applicantAccountId\` int NULL`,
    )
    await queryRunner.query(
      `ALTER TABLE \`grievance\` CHANGE \`raiserAccountId\` \`raiserAccountId\` int NULL`,
    )
    await queryRunner.query(
      `ALTER TABLE \`notice_objection\` CHANGE \`objectorAccountId\` \`objectorAccountId\` int NULL`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_certificate_request_applicant_resident\` ON \`certificate_request\` (\`applicantResidentId\`)`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_grievance_raiser_resident\` ON \`grievance\` (\`raiserResidentId\`)`,
    )
    await queryRunner.query(
      `CREATE INDEX \`ix_notice_objection_objector_resident\` ON \`notice_objection\` (\`objectorResidentId\`)`,
    )
    // objections made before 代办 are their objector's by roster row too, where the account is on the roster
    await queryRunner.query(
      `UPDATE \`notice_objection\` SET \`objectorResidentId\` = (SELECT MIN(r.\`id\`) FROM \`resident\` r WHERE r.\`accountId\` = \`notice_objection\`.\`objectorAccountId\` AND r.\`villageId\` = \`notice_objection\`.\`villageId\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_notice_objection_objector_resident\` ON \`notice_objection\``)
    await queryRunner.query(`DROP INDEX \`ix_grievance_raiser_resident\` ON \`grievance\``)
    await queryRunner.query(
      `DROP INDEX \`ix_certificate_request_applicant_resident\` ON \`certificate_request\``,
    )
    await queryRunner.query(
      `ALTER TABLE \`notice_objection\` CHANGE \`objectorAccountId\` \`objectorAccountId\` int NOT NULL`,
    )
    await queryRunner.query(
      `ALTER TABLE \`grievance\` CHANGE \`raiserAccountId\` \`raiserAccountId\` int NOT NULL`,
    )
    await queryRunner.query(
      `ALTER TABLE \`certificate_request\` CHANGE \`applicantAccountId\` \`applicantAccountId\` int NOT NULL`,
    )
    await queryRunner.query(`ALTER TABLE \`notice_objection\` DROP COLUMN \`proxy\``)
    await queryRunner.query(`ALTER TABLE \`notice_objection\` DROP COLUMN \`objectorResidentId\``)
    await queryRunner.query(`ALTER TABLE \`grievance\` DROP COLUMN \`proxy\``)
    await queryRunner.query(`ALTER TABLE \`certificate_request\` DROP COLUMN \`proxy\``)
  }
}
