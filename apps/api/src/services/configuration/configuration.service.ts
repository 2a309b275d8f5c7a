import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';

export type DatabaseConfiguration =
  | { type: 'sqlite'; path: string }
  | { type: 'mysql'; host: string; port: number; username: string; password: string; database: string };

export interface Configuration {
  host: string;
  port: number;
  database: DatabaseConfiguration;
  reminderTimeZone: string;
  reminderCron: string;
  enableReminderCron: boolean;
  mailDefaultFrom: string;
  smtpUrl: string | null;
  mailOutboxDir: string;
  adminUsername: string;
  adminPassword: string | null;
  jwtSecret: string | null;
  accessTokenTtlSeconds: number;
  importMaxFileBytes: number;
  adminDistDir: string | null;
  loginMaxFailures: number;
  loginLockMinutes: number;
  secretsKey: string | null;
  secretsKeyFile: string;
  mailRetryMaxAttempts: number;
  mailRetryBaseSeconds: number;
  dispatchStaleSeconds: number;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Reads and validates the environment once. It is the only place in the product that reads
 * process.env, so every setting has one name, one default and one error message.
 */
@Injectable()
export class ConfigurationService {
  private readonly configuration: Configuration;

  constructor() {
    this.configuration = parseConfiguration(process.env);
  }

  get<K extends keyof Configuration>(key: K): Configuration[K] {
    return this.configuration[key];
  }
}

/** Parses an environment into a Configuration, or throws ConfigurationError listing every problem. */
export function parseConfiguration(environment: NodeJS.ProcessEnv): Configuration {
  const problems: string[] = [];
  const read = (name: string) => {
    const value = environment[name];

    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  const integer = (name: string, fallback: number, minimum: number, maximum: number) => {
    const raw = read(name);
    if (raw === undefined) {
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < minimum || value > maximum) {
      problems.push(`${name}="${raw}" is invalid: expected a whole number from ${minimum} to ${maximum}`);

      return fallback;
    }

    return value;
  };

  const boolean = (name: string, fallback: boolean) => {
    const raw = read(name);
    if (raw === undefined) {
      return fallback;
    }
    if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) {
      return true;
    }
    if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) {
      return false;
    }
    problems.push(`${name}="${raw}" is invalid: expected true or false`);

    return fallback;
  };

  const reminderTimeZone = read('REMINDER_TIME_ZONE') ?? 'Europe/Rome';
  if (!isValidTimeZone(reminderTimeZone)) {
    problems.push(`REMINDER_TIME_ZONE="${reminderTimeZone}" is not an IANA time zone; use for example Europe/Rome`);
  }

  const reminderCron = read('REMINDER_CRON') ?? '0 8 * * *';
  if (!/^(\S+\s+){4,5}\S+$/.test(reminderCron)) {
    problems.push(
      `REMINDER_CRON="${reminderCron}" is not a cron expression; use five or six fields, for example "0 8 * * *"`,
    );
  }

  const smtpUrl = read('SMTP_URL') ?? null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    problems.push('SMTP_URL is invalid: expected smtp://user:password@host:port or smtps://…');
  }

  const configuration: Configuration = {
    host: read('HOST') ?? '127.0.0.1',
    port: integer('PORT', 3000, 1, 65535),
    database: parseDatabaseUrl(read('DATABASE_URL'), problems),
    reminderTimeZone,
    reminderCron,
    enableReminderCron: boolean('ENABLE_REMINDER_CRON', true),
    mailDefaultFrom: read('MAIL_DEFAULT_FROM') ?? 'Solleciti <noreply@solleciti.invalid>',
    smtpUrl,
    mailOutboxDir: resolvePath(read('MAIL_OUTBOX_DIR') ?? 'var/outbox'),
    adminUsername: read('ADMIN_USERNAME') ?? 'admin',
    adminPassword: read('ADMIN_PASSWORD') ?? null,
    jwtSecret: read('JWT_SECRET') ?? null,
    accessTokenTtlSeconds: integer('ACCESS_TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    importMaxFileBytes: integer('IMPORT_MAX_FILE_BYTES', 20 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    adminDistDir: read('ADMIN_DIST_DIR') ? resolvePath(read('ADMIN_DIST_DIR') as string) : null,
    loginMaxFailures: integer('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: integer('LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    secretsKey: read('SECRETS_KEY') ?? null,
    secretsKeyFile: resolvePath(read('SECRETS_KEY_FILE') ?? 'var/secrets.key'),
    mailRetryMaxAttempts: integer('MAIL_RETRY_MAX_ATTEMPTS', 6, 1, 20),
    mailRetryBaseSeconds: integer('MAIL_RETRY_BASE_SECONDS', 300, 1, 24 * 3600),
    dispatchStaleSeconds: integer('DISPATCH_STALE_SECONDS', 900, 1, 24 * 3600),
  };

  if (configuration.jwtSecret !== null && configuration.jwtSecret.length < 32) {
    problems.push('JWT_SECRET is too short: use at least 32 characters, or leave it unset to generate one');
  }

  if (configuration.secretsKey !== null && configuration.secretsKey.length < 32) {
    problems.push('SECRETS_KEY is too short: use at least 32 random characters, for example `openssl rand -base64 32`');
  }

  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }

  return configuration;
}

function parseDatabaseUrl(url: string | undefined, problems: string[]): DatabaseConfiguration {
  if (url === undefined) {
    return { type: 'sqlite', path: resolvePath('var/solleciti.sqlite') };
  }

  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') {
      problems.push('DATABASE_URL="sqlite:" has no file path; use sqlite:path/to/file.sqlite');
    }

    return { type: 'sqlite', path: resolvePath(path || 'var/solleciti.sqlite') };
  }

  if (url.startsWith('mysql:') || url.startsWith('mariadb:')) {
    try {
      const parsed = new URL(url);
      const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
      if (database === '') {
        problems.push('DATABASE_URL has no database name; use mysql://user:password@host:3306/database');
      }

      return {
        type: 'mysql',
        host: parsed.hostname,
        port: parsed.port ? Number(parsed.port) : 3306,
        username: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password),
        database,
      };
    } catch {
      problems.push('DATABASE_URL is not a valid URL; use mysql://user:password@host:3306/database');
    }
  } else {
    problems.push(
      'DATABASE_URL has an unsupported scheme; use sqlite:path/to/file.sqlite or mysql://user:password@host:3306/database',
    );
  }

  return { type: 'sqlite', path: resolvePath('var/solleciti.sqlite') };
}

function resolvePath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });

    return true;
  } catch {
    return false;
  }
}

/** Generates a random password for the first administrator when ADMIN_PASSWORD is unset. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
