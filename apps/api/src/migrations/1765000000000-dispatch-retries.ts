import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * Adds what retries and crash recovery need on each reminder: when a sweep claimed it, when the
 * next attempt is due, when the message was handed to the SMTP server, and the recipients the
 * server refused with its answer.
 */
export class DispatchRetries1765000000000 implements MigrationInterface {
  name = 'DispatchRetries1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('reminder_dispatches', [
      new TableColumn({ name: 'claimed_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'next_attempt_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'submitted_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'recipient_errors', type: 'text', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'reminder_dispatches',
      new TableIndex({ name: 'idx_reminder_dispatches_status_next', columnNames: ['status', 'next_attempt_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('reminder_dispatches', 'idx_reminder_dispatches_status_next');
    await queryRunner.dropColumn('reminder_dispatches', 'recipient_errors');
    await queryRunner.dropColumn('reminder_dispatches', 'submitted_at');
    await queryRunner.dropColumn('reminder_dispatches', 'next_attempt_at');
    await queryRunner.dropColumn('reminder_dispatches', 'claimed_at');
  }
}
