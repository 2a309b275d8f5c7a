import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Creates the whole schema through TypeORM's Table API, so that one migration produces the
 * equivalent schema on SQLite and on MySQL/MariaDB.
 */
export class InitialSchema1764880000000 implements MigrationInterface {
  name = 'InitialSchema1764880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const isMysql = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);

    // MySQL's BLOB stops at 64 KiB, too small for invoice files and PDFs.
    const binary = isMysql ? 'longblob' : 'blob';
    const money = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'decimal',
      precision: 15,
      scale: 2,
      ...extra,
    });
    const id: TableColumnOptions = {
      name: 'id',
      // SQLite allows AUTOINCREMENT only on INTEGER; MySQL reads INTEGER as INT.
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    };
    const text = (name: string, length: number, nullable = true): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    const integer = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'int',
      ...extra,
    });
    const timestamp = (name: string): TableColumnOptions => ({
      name,
      type: 'datetime',
      default: 'CURRENT_TIMESTAMP',
    });
    const companyForeignKey: TableForeignKeyOptions = {
      columnNames: ['company_id'],
      referencedTableName: 'companies',
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    };
    const address = [
      text('street', 255),
      text('street_number', 16),
      text('postal_code', 16),
      text('city', 120),
      text('province', 8),
      text('country', 2),
    ];

    await queryRunner.createTable(
      new Table({
        name: 'companies',
        columns: [
          id,
          text('name', 255, false),
          text('vat_country', 2, false),
          text('vat_code', 28, false),
          text('fiscal_code', 28),
          ...address,
          text('email', 320),
          text('phone', 40),
          text('iban', 34),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        uniques: [{ name: 'uq_companies_vat', columnNames: ['vat_country', 'vat_code'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id,
          text('username', 100, false),
          text('password_hash', 255, false),
          text('role', 16, false),
          timestamp('created_at'),
        ],
        uniques: [{ name: 'uq_users_username', columnNames: ['username'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'user_companies',
        columns: [
          integer('user_id', { isPrimary: true }),
          integer('company_id', { isPrimary: true }),
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          companyForeignKey,
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'clients',
        columns: [
          id,
          integer('company_id'),
          text('kind', 24, false),
          text('company_name', 255),
          text('first_name', 120),
          text('last_name', 120),
          text('display_name', 255, false),
          text('vat_country', 2),
          text('vat_code', 28),
          text('fiscal_code', 28),
          text('recipient_code', 7),
          text('pec', 320),
          { name: 'emails', type: 'text' },
          text('phone', 40),
          ...address,
          { name: 'language', type: 'varchar', length: '2', default: "'it'" },
          { name: 'reminders_disabled', type: 'boolean', default: false },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          { name: 'idx_clients_company_vat', columnNames: ['company_id', 'vat_country', 'vat_code'] },
          { name: 'idx_clients_company_fiscal_code', columnNames: ['company_id', 'fiscal_code'] },
          { name: 'idx_clients_company_display_name', columnNames: ['company_id', 'display_name'] },
        ],
        foreignKeys: [companyForeignKey],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'source_files',
        columns: [
          id,
          integer('company_id'),
          text('file_name', 255, false),
          text('sha256', 64, false),
          integer('size_bytes'),
          { name: 'content', type: binary },
          timestamp('imported_at'),
        ],
        indices: [{ name: 'uq_source_files_company_sha256', columnNames: ['company_id', 'sha256'], isUnique: true }],
        foreignKeys: [companyForeignKey],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'invoices',
        columns: [
          id,
          integer('company_id'),
          integer('client_id'),
          integer('source_file_id'),
          integer('body_index'),
          text('document_type', 4, false),
          text('number', 20, false),
          integer('year'),
          { name: 'date', type: 'date' },
          text('currency', 3, false),
          money('total_amount'),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          { name: 'uq_invoices_document', columnNames: ['company_id', 'document_type', 'number', 'year'], isUnique: true },
          { name: 'idx_invoices_company_date', columnNames: ['company_id', 'date'] },
          { name: 'idx_invoices_client', columnNames: ['client_id'] },
        ],
        foreignKeys: [
          companyForeignKey,
          { columnNames: ['client_id'], referencedTableName: 'clients', referencedColumnNames: ['id'], onDelete: 'RESTRICT' },
          { columnNames: ['source_file_id'], referencedTableName: 'source_files', referencedColumnNames: ['id'], onDelete: 'RESTRICT' },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'installments',
        columns: [
          id,
          integer('company_id'),
          integer('invoice_id'),
          integer('position'),
          { name: 'due_date', type: 'date', isNullable: true },
          money('amount_due'),
          money('amount_paid', { default: 0 }),
          { name: 'paid_on', type: 'date', isNullable: true },
          text('payment_method', 4, false),
          text('payment_terms', 4, false),
          text('iban', 34),
          text('no_reminder_reason', 32),
          timestamp('updated_at'),
        ],
        indices: [
          { name: 'idx_installments_company_due_date', columnNames: ['company_id', 'due_date'] },
          { name: 'idx_installments_invoice', columnNames: ['invoice_id', 'position'] },
        ],
        foreignKeys: [
          companyForeignKey,
          { columnNames: ['invoice_id'], referencedTableName: 'invoices', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'courtesy_copies',
        columns: [
          id,
          integer('company_id'),
          integer('invoice_id'),
          text('version', 64, false),
          { name: 'content', type: binary },
          timestamp('created_at'),
        ],
        indices: [{ name: 'uq_courtesy_copies_version', columnNames: ['invoice_id', 'version'], isUnique: true }],
        foreignKeys: [
          companyForeignKey,
          { columnNames: ['invoice_id'], referencedTableName: 'invoices', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'reminder_settings',
        columns: [
          integer('company_id', { isPrimary: true }),
          { name: 'enabled', type: 'boolean', default: false },
          { name: 'attach_courtesy_copy', type: 'boolean', default: true },
          { name: 'offsets', type: 'text' },
          integer('catch_up_days', { default: 3 }),
          timestamp('updated_at'),
        ],
        foreignKeys: [companyForeignKey],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'mail_settings',
        columns: [
          integer('company_id', { isPrimary: true }),
          text('host', 255, false),
          integer('port'),
          text('security', 16, false),
          text('username', 255),
          text('password', 512),
          text('from_name', 255, false),
          text('from_address', 320, false),
          timestamp('updated_at'),
        ],
        foreignKeys: [companyForeignKey],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'mail_templates',
        columns: [
          id,
          integer('company_id'),
          integer('level'),
          text('language', 2, false),
          { name: 'subject', type: 'text' },
          { name: 'body', type: 'text' },
          timestamp('updated_at'),
        ],
        indices: [{ name: 'uq_mail_templates_level_language', columnNames: ['company_id', 'level', 'language'], isUnique: true }],
        foreignKeys: [companyForeignKey],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'reminder_dispatches',
        columns: [
          id,
          integer('company_id'),
          integer('client_id'),
          integer('invoice_id'),
          integer('installment_id'),
          integer('level'),
          { name: 'due_date', type: 'date' },
          integer('offset_days'),
          { name: 'send_day', type: 'date' },
          { name: 'processed_day', type: 'date' },
          text('status', 16, false),
          text('reason', 32),
          integer('recipient_count', { default: 0 }),
          integer('attempts', { default: 0 }),
          { name: 'last_error', type: 'text', isNullable: true },
          text('message_id', 255),
          { name: 'sent_at', type: 'datetime', isNullable: true },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          { name: 'uq_reminder_dispatches_key', columnNames: ['installment_id', 'level', 'due_date'], isUnique: true },
          { name: 'idx_reminder_dispatches_company_day', columnNames: ['company_id', 'send_day'] },
          { name: 'idx_reminder_dispatches_company_status', columnNames: ['company_id', 'status'] },
        ],
        foreignKeys: [
          companyForeignKey,
          { columnNames: ['installment_id'], referencedTableName: 'installments', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sweep_runs',
        columns: [
          id,
          { name: 'run_day', type: 'date' },
          text('status', 16, false),
          text('trigger', 16, false),
          { name: 'started_at', type: 'datetime' },
          { name: 'finished_at', type: 'datetime', isNullable: true },
          { name: 'counts', type: 'text', isNullable: true },
        ],
        indices: [{ name: 'idx_sweep_runs_day', columnNames: ['run_day'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'app_secrets',
        columns: [{ ...text('name', 64, false), isPrimary: true }, { name: 'value', type: 'text' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'app_secrets',
      'sweep_runs',
      'reminder_dispatches',
      'mail_templates',
      'mail_settings',
      'reminder_settings',
      'courtesy_copies',
      'installments',
      'invoices',
      'source_files',
      'clients',
      'user_companies',
      'users',
      'companies',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
