import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** One row per day whose scheduled sweep an instance has taken on; the key keeps it to one. */
export class ScheduledSweepClaims1764970000000 implements MigrationInterface {
  name = 'ScheduledSweepClaims1764970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'scheduled_sweep_claims',
        columns: [
          { name: 'run_day', type: 'date', isPrimary: true },
          { name: 'instance_id', type: 'varchar', length: '64' },
          { name: 'claimed_at', type: 'datetime' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('scheduled_sweep_claims');
  }
}
