import type { MigrationInterface, QueryRunner } from 'typeorm'

export class PetitionPaperSheets1796552365200Mysql implements MigrationInterface {
  name = 'PetitionPaperSheets1796552365200Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`petition_paper_sheet\` (\`id\` int NOT NULL AUTO_INCREMENT, \`petitionId\` int NOT NULL, \`villageId\` int NOT NULL, \`photoId\` int NOT NULL, \`counted\` text NOT NULL, \`alreadySigned\` text NOT NULL, \`notEligible\` text NOT NULL, \`recordedByAccountId\` int NOT NULL, \`recordedByName\` varchar(30) NOT NULL, \`recordedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_petition_paper_sheet_petition\` (\`petitionId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(`ALTER TABLE \`petition_signature\` ADD \`sheetId\` int NULL`)
    await queryRunner.query(`ALTER TABLE \`petition_signature\` CHANGE \`accountId\` \`accountId\` int NULL`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`petition_signature\` CHANGE \`accountId\` \`accountId\` int NOT NULL`,
    )
    await queryRunner.query(`ALTER TABLE \`petition_signature\` DROP COLUMN \`sheetId\``)
    await queryRunner.query(`DROP INDEX \`ix_petition_paper_sheet_petition\` ON \`petition_paper_sheet\``)
    await queryRunner.query(`DROP TABLE \`petition_paper_sheet\``)
  }
}
