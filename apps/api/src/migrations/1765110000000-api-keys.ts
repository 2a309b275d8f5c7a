import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** API keys of a company: only the SHA-256 of each key is stored, with a short prefix to tell keys apart. */
export class ApiKeys1765110000000 implements MigrationInterface {
  name = 'ApiKeys1765110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'api_keys',
        columns: [
          // SQLite allows AUTOINCREMENT only on INTEGER; MySQL reads INTEGER as INT.
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'company_id', type: 'int' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'key_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'last_used_at', type: 'datetime', isNullable: true },
        ],
        uniques: [{ name: 'uq_api_keys_key_hash', columnNames: ['key_hash'] }],
        indices: [{ name: 'idx_api_keys_company_id', columnNames: ['company_id'] }],
        foreignKeys: [
          {
            columnNames: ['company_id'],
            referencedTableName: 'companies',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('api_keys');
  }
}
