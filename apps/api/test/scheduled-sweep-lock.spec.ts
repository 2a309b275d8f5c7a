import { INestApplication } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AppModule } from '../src/app/app.module';
import { ReminderRepository } from '../src/app/reminders/reminder.repository';
import { ReminderSchedulerService } from '../src/app/reminders/reminder-scheduler.service';
import { createHttpApp } from '../src/configure-app';
import { ClockService } from '../src/services/clock/clock.service';
import { createTestDatabase, TestDatabase } from './support/test-database';

/** Starts one server instance (scheduler included, cron off) on a shared database. */
interface Instance {
  app: INestApplication;
  setNow(instant: Date): void;
}

async function startInstance(databaseUrl: string, now: Date): Promise<Instance> {
  const variables: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    ADMIN_PASSWORD: 'instance-password-1',
    ENABLE_REMINDER_CRON: 'false',
    MAIL_OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'solleciti-lock-outbox-')),
    ADMIN_DIST_DIR: join(tmpdir(), 'solleciti-no-admin'),
  };
  const previous = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    const app = await createHttpApp(AppModule.register({ server: true }), { logger: ['error'], abortOnError: false });
    await app.init();
    const clock = app.get(ClockService);
    let fixedNow = now;
    clock.now = () => fixedNow;

    return {
      app,
      setNow: (instant) => {
        fixedNow = instant;
      },
    };
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  }
}

describe('scheduled sweep with two instances on one database', () => {
  let database: TestDatabase;
  let first: Instance;
  let second: Instance;

  beforeAll(async () => {
    database = await createTestDatabase();
    const now = new Date('2031-03-10T07:00:00Z');
    first = await startInstance(database.url, now);
    second = await startInstance(database.url, now);
  });

  afterAll(async () => {
    await first?.app.close();
    await second?.app.close();
    await database?.drop();
  });

  it('runs the day’s scheduled sweep on one instance only', async () => {
    const results = await Promise.all([
      first.app.get(ReminderSchedulerService).runOnce('cron'),
      second.app.get(ReminderSchedulerService).runOnce('cron'),
    ]);

    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('lets another instance take over a claim left for 30 minutes', async () => {
    const later = new Date('2031-03-10T07:45:00Z');
    second.setNow(later);

    expect(await second.app.get(ReminderSchedulerService).runOnce('startup')).toBe(true);
  });

  it('takes over an unfinished day at the retry tick', async () => {
    // An instance that died at 09:00 in Rome left its claim and no completed run.
    const repository = second.app.get(ReminderRepository);
    await repository.claimScheduledSweep('2031-03-12', 'dead-instance', new Date('2031-03-12T08:00:00Z'), new Date(0));
    const scheduler = second.app.get(ReminderSchedulerService);

    second.setNow(new Date('2031-03-12T08:10:00Z'));
    await scheduler.retryOnce();
    expect(await repository.hasCompletedRun('2031-03-12')).toBe(false);

    second.setNow(new Date('2031-03-12T08:31:00Z'));
    await scheduler.retryOnce();
    expect(await repository.hasCompletedRun('2031-03-12')).toBe(true);
  });
});
