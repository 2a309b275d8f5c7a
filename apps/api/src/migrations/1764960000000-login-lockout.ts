import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Adds the failed-login counter and the lock time that stop password guessing on one account. */
export class LoginLockout1764960000000 implements MigrationInterface {
  name = 'LoginLockout1764960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('users', [
      new TableColumn({ name: 'failed_logins', type: 'int', default: 0 }),
      new TableColumn({ name: 'locked_until', type: 'datetime', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'locked_until');
    await queryRunner.dropColumn('users', 'failed_logins');
  }
}
