import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey } from 'typeorm';

/**
 * Records which user created each API key, so that a key can be revoked when that user is deleted
 * or loses access to the key's company. Keys created before this migration have no creator.
 * Deleting a user deletes the keys they created, also when the row is deleted outside the API.
 */
export class ApiKeyCreator1765120000000 implements MigrationInterface {
  name = 'ApiKeyCreator1765120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'api_keys',
      new TableColumn({ name: 'created_by_user_id', type: 'int', isNullable: true }),
    );
    await queryRunner.createForeignKey(
      'api_keys',
      new TableForeignKey({
        name: 'fk_api_keys_created_by_user_id',
        columnNames: ['created_by_user_id'],
        referencedTableName: 'users',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('api_keys', 'fk_api_keys_created_by_user_id');
    await queryRunner.dropColumn('api_keys', 'created_by_user_id');
  }
}
