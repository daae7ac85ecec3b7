import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * The initial migration let every table take the database's default character set. A database
 * created as latin1 (still the default of many MySQL 5.7 and MariaDB installs) then cannot store a
 * single Chinese name. This converts the tables that are not utf8mb4 yet, and the database default,
 * so tables added by later migrations are utf8mb4 too.
 */
export class Utf8mb4Tables1795607028900Mysql implements MigrationInterface {
  name = 'Utf8mb4Tables1795607028900Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
    const tables: { name: string }[] = await queryRunner.query(
      `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COLLATION NOT LIKE 'utf8mb4%'`,
    )
    for (const { name } of tables) {
      await queryRunner.query(
        `ALTER TABLE \`${name}\` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      )
      // CONVERT widens TEXT to MEDIUMTEXT to make room for four-byte characters; the entities say TEXT.
      // A value that no longer fits makes MODIFY fail rather than cut it short.
      const widened: { name: string; nullable: string }[] = await queryRunner.query(
        `SELECT COLUMN_NAME AS name, IS_NULLABLE AS nullable FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND DATA_TYPE = 'mediumtext'`,
        [name],
      )
      for (const column of widened)
        await queryRunner.query(
          `ALTER TABLE \`${name}\` MODIFY \`${column.name}\` text ${column.nullable === 'YES' ? 'NULL' : 'NOT NULL'}`,
        )
    }
  }

  public async down(): Promise<void> {
    // the earlier character set is not recorded, and going back to latin1 would lose data
  }
}
