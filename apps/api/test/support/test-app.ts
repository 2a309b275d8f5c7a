import { INestApplication, LoggerService } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

import { AppModule } from '../../src/app/app.module';
import { createHttpApp } from '../../src/configure-app';
import { ClockService } from '../../src/services/clock/clock.service';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_ADMIN = { username: 'admin', password: 'test-password-123' };

export interface TestApp {
  app: INestApplication;
  database: TestDatabase;
  outboxDir: string;
  token: string;
  http: () => ReturnType<typeof request>;
  /** Makes "now" a fixed instant, so that "today" in Europe/Rome is known. */
  setNow(instant: Date | null): void;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Serve this database instead of a fresh one, as a second API instance would; close() leaves it in place. */
  database?: TestDatabase;
  /** Receives every log message at every level, in place of printing errors only. */
  logger?: LoggerService;
}

/**
 * Starts the API (without the nightly scheduler) on a fresh database, with the environment
 * given, and logs in as the administrator.
 */
export async function startTestApp(environment: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const outboxDir = mkdtempSync(join(tmpdir(), 'solleciti-outbox-'));
  const variables: Record<string, string> = {
    DATABASE_URL: database.url,
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    MAIL_OUTBOX_DIR: outboxDir,
    REMINDER_TIME_ZONE: 'Europe/Rome',
    ...environment,
  };
  const previous = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  if (!('SMTP_URL' in environment)) {
    delete process.env['SMTP_URL'];
  }

  let app: INestApplication;
  try {
    app = await createHttpApp(AppModule.register({ server: false }), {
      logger: options.logger ?? ['error'],
      abortOnError: false,
    });
    await app.listen(0, '127.0.0.1');
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  }

  const clock = app.get(ClockService);
  const realNow = clock.now.bind(clock);
  let fixedNow: Date | null = null;
  clock.now = () => fixedNow ?? realNow();

  const http = () => request(app.getHttpServer());
  const login = await http().post('/api/auth/login').send(TEST_ADMIN).expect(200);

  return {
    app,
    database,
    outboxDir,
    token: login.body.accessToken,
    http,
    setNow: (instant) => {
      fixedNow = instant;
    },
    close: async () => {
      await app.close();
      if (!options.database) {
        await database.drop();
      }
    },
  };
}
