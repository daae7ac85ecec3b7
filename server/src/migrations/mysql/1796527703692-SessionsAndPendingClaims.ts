import type { MigrationInterface, QueryRunner } from 'typeorm'

export class SessionsAndPendingClaims1796527703692Mysql implements MigrationInterface {
  name = 'SessionsAndPendingClaims1796527703692Mysql'

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`auth_session\` (\`id\` varchar(36) NOT NULL, \`accountId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`endedAt\` datetime NULL, \`endReason\` varchar(16) NULL, INDEX \`ix_auth_session_account\` (\`accountId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    )
    await queryRunner.query(`ALTER TABLE \`verification_request\` ADD \`pendingResidentId\` int NULL`)
    // hand-written: every login made before sessions existed becomes one, so its refresh token keeps
    // working and the access tokens it is refreshed into name a live session; a family whose every
    // token was revoked is an ended session (whether by logout or by reuse was not recorded)
    await queryRunner.query(
      `INSERT INTO auth_session (id, accountId, createdAt, endedAt, endReason)
       SELECT familyId, MIN(accountId), MIN(createdAt),
              CASE WHEN COUNT(revokedAt) = COUNT(*) THEN MAX(revokedAt) END,
              CASE WHEN COUNT(revokedAt) = COUNT(*) THEN 'logout' END
         FROM refresh_token GROUP BY familyId`,
    )
    // hand-written: the oldest pending claim of each roster person keeps its place; a later one made
    // before this rule stays pending without the key, for the committee to decide as before
    await queryRunner.query(
      `UPDATE verification_request v
         JOIN (SELECT MIN(id) AS id FROM verification_request
                WHERE state = 'pending' AND residentId IS NOT NULL GROUP BY residentId) f ON f.id = v.id
          SET v.pendingResidentId = v.residentId`,
    )
    // the generator also wrote an unnamed UNIQUE INDEX on the new column beside the named one below
    // (TypeORM's MySQL driver marks a column unique when a one-column unique index covers it); only
    // the named index is kept
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`uq_verification_pending_resident\` ON \`verification_request\` (\`pendingResidentId\`)`,
    )
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_verification_pending_resident\` ON \`verification_request\``)
    await queryRunner.query(`ALTER TABLE \`verification_request\` DROP COLUMN \`pendingResidentId\``)
    await queryRunner.query(`DROP INDEX \`ix_auth_session_account\` ON \`auth_session\``)
    await queryRunner.query(`DROP TABLE \`auth_session\``)
  }
}
