import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Adds what makes an access token revocable before it expires: the token ids (jti) ended by a
 * logout, kept until the token would have expired anyway, and a per-user token version that a
 * password change increments to end every session of that user.
 */
export class TokenRevocation1765100000000 implements MigrationInterface {
  name = 'TokenRevocation1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'token_version', type: 'int', default: 0 }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'revoked_tokens',
        columns: [
          { name: 'jti', type: 'varchar', length: '64', isPrimary: true },
          { name: 'expires_at', type: 'datetime' },
        ],
        indices: [{ name: 'idx_revoked_tokens_expires_at', columnNames: ['expires_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('revoked_tokens');
    await queryRunner.dropColumn('users', 'token_version');
  }
}
