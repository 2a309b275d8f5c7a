import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';

import { ApiKeyEntity } from '../../app/api-keys/api-key.entity';
import { ClientEntity } from '../../app/clients/client.entity';
import { CompanyEntity } from '../../app/companies/company.entity';
import { CourtesyCopyEntity } from '../../app/invoices/courtesy-copy.entity';
import { InstallmentEntity } from '../../app/invoices/installment.entity';
import { InvoiceEntity } from '../../app/invoices/invoice.entity';
import { SourceFileEntity } from '../../app/invoices/source-file.entity';
import { MailSettingsEntity } from '../../app/mail-settings/mail-settings.entity';
import { MailTemplateEntity } from '../../app/mail-settings/mail-template.entity';
import { ReminderSettingsEntity } from '../../app/reminder-settings/reminder-settings.entity';
import { ReminderDispatchEntity } from '../../app/reminders/reminder-dispatch.entity';
import { ScheduledSweepClaimEntity } from '../../app/reminders/scheduled-sweep-claim.entity';
import { SweepRunEntity } from '../../app/reminders/sweep-run.entity';
import { RevokedTokenEntity } from '../../app/auth/revoked-token.entity';
import { UserEntity } from '../../app/auth/user.entity';
import { InitialSchema1764880000000 } from '../../migrations/1764880000000-initial-schema';
import { ClientExclusionIndex1764950000000 } from '../../migrations/1764950000000-client-exclusion-index';
import { LoginLockout1764960000000 } from '../../migrations/1764960000000-login-lockout';
import { ScheduledSweepClaims1764970000000 } from '../../migrations/1764970000000-scheduled-sweep-claims';
import { DispatchRetries1765000000000 } from '../../migrations/1765000000000-dispatch-retries';
import { TokenRevocation1765100000000 } from '../../migrations/1765100000000-token-revocation';
import { ApiKeys1765110000000 } from '../../migrations/1765110000000-api-keys';
import { ApiKeyCreator1765120000000 } from '../../migrations/1765120000000-api-key-creator';
import { DatabaseConfiguration } from '../configuration/configuration.service';
import { AppSecretEntity } from './app-secret.entity';

export const ENTITIES = [
  ApiKeyEntity,
  AppSecretEntity,
  ClientEntity,
  CompanyEntity,
  CourtesyCopyEntity,
  InstallmentEntity,
  InvoiceEntity,
  MailSettingsEntity,
  MailTemplateEntity,
  ReminderDispatchEntity,
  ReminderSettingsEntity,
  RevokedTokenEntity,
  ScheduledSweepClaimEntity,
  SourceFileEntity,
  SweepRunEntity,
  UserEntity,
];

export const MIGRATIONS = [
  InitialSchema1764880000000,
  ClientExclusionIndex1764950000000,
  LoginLockout1764960000000,
  ScheduledSweepClaims1764970000000,
  DispatchRetries1765000000000,
  TokenRevocation1765100000000,
  ApiKeys1765110000000,
  ApiKeyCreator1765120000000,
];

/**
 * Builds the TypeORM options for SQLite or MySQL/MariaDB. The schema only ever changes through
 * migrations, which run at start-up; `synchronize` stays off so that no start can alter tables.
 */
export function buildDataSourceOptions(database: DatabaseConfiguration): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    // 'error' is left out on purpose: TypeORM prints failed queries with their parameters, which
    // contain e-mail addresses and fiscal codes. Failures still surface as exceptions.
    logging: ['warn', 'migration'] as ('warn' | 'migration')[],
  };

  if (database.type === 'sqlite') {
    mkdirSync(dirname(database.path), { recursive: true });

    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      enableWAL: true,
      // A second process (the CLI next to the server) waits for the write lock instead of failing.
      timeout: 10_000,
    };
  }

  return {
    ...common,
    type: 'mysql',
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
    charset: 'utf8mb4_unicode_ci',
    // Dates stay "YYYY-MM-DD" strings and timestamps are UTC, whatever the server's zone.
    dateStrings: ['DATE'],
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
  };
}
