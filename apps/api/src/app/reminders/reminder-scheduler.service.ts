import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob, CronTime } from 'cron';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import { ClockService } from '../../services/clock/clock.service';
import { ConfigurationService } from '../../services/configuration/configuration.service';
import { ReminderRepository } from './reminder.repository';
import { ReminderSweepService } from './reminder-sweep.service';

const JOB_NAME = 'reminder-sweep';
const RETRY_JOB_NAME = 'reminder-retries';

// Retries are due minutes apart (MAIL_RETRY_BASE_SECONDS doubling), so they are looked for this often.
const RETRY_CRON = '*/5 * * * *';

/** Identifies this process among the instances that share the database. */
const INSTANCE_ID = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`.slice(0, 64);

// A claim this old belongs to an instance that died during its sweep, so another may take over.
// Two instances sweeping at once still send each reminder once, because every reminder is claimed.
const STALE_CLAIM_MINUTES = 30;

/**
 * Runs the sweep every day at REMINDER_CRON in REMINDER_TIME_ZONE, and once at start-up when
 * today's run time has passed without a completed sweep (the server was down at that time).
 */
@Injectable()
export class ReminderSchedulerService implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderSchedulerService.name);
  private running: Promise<void> | null = null;

  constructor(
    private readonly clockService: ClockService,
    private readonly configurationService: ConfigurationService,
    private readonly reminderRepository: ReminderRepository,
    private readonly reminderSweepService: ReminderSweepService,
    private readonly schedulerRegistry: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.configurationService.get('enableReminderCron')) {
      this.logger.log('The reminder cron is off (ENABLE_REMINDER_CRON=false).');

      return;
    }

    const cronTime = this.configurationService.get('reminderCron');
    const timeZone = this.configurationService.get('reminderTimeZone');
    const job = CronJob.from({
      cronTime,
      timeZone,
      onTick: async () => {
        await this.runOnce('cron');
      },
      start: true,
    });
    this.schedulerRegistry.addCronJob(JOB_NAME, job);
    this.logger.log(`The reminder sweep is scheduled at '${cronTime}' (${timeZone}); next run ${job.nextDate().toISO()}.`);

    const retryJob = CronJob.from({
      cronTime: RETRY_CRON,
      timeZone,
      onTick: async () => {
        await this.retryOnce();
      },
      start: true,
    });
    this.schedulerRegistry.addCronJob(RETRY_JOB_NAME, retryJob);

    if (await this.todaysRunIsOverdue(cronTime, timeZone)) {
      this.logger.log(`Today's reminder sweep has not completed; running it now.`);
      void this.runOnce('startup');
    }
  }

  async onModuleDestroy(): Promise<void> {
    for (const name of [JOB_NAME, RETRY_JOB_NAME]) {
      if (this.schedulerRegistry.doesExist('cron', name)) {
        this.schedulerRegistry.deleteCronJob(name);
      }
    }
    if (this.running) {
      // The sweep stops after the reminder in flight is recorded; the next start goes on from there.
      this.logger.log('Stopping: waiting for the reminder in flight to be recorded.');
      this.reminderSweepService.requestStop();
      await this.running;
    }
  }

  // Nest calls this after onModuleDestroy, so any running sweep has finished by now.
  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`Solleciti has stopped${signal ? ` on ${signal}` : ''}.`);
  }

  /**
   * Runs today's sweep unless one is already running in this process or another instance sharing
   * the database has taken it on. Returns whether this instance ran it.
   */
  runOnce(trigger: 'cron' | 'startup'): Promise<boolean> {
    if (this.running) {
      this.logger.warn('A reminder sweep is still running; this run is skipped.');

      return Promise.resolve(false);
    }

    const run = this.claimAndSweep(trigger).finally(() => {
      this.running = null;
    });
    this.running = run.then(() => undefined);

    return run;
  }

  /**
   * Sends the retries that are due, unless a sweep (which sends them itself) is running here. When
   * today's sweep has not completed (its instance died or was stopped), it takes the sweep over
   * instead, once the other instance's claim allows it.
   */
  async retryOnce(): Promise<void> {
    if (this.running) {
      return;
    }

    const cronTime = this.configurationService.get('reminderCron');
    const timeZone = this.configurationService.get('reminderTimeZone');
    if (await this.todaysRunIsOverdue(cronTime, timeZone)) {
      await this.runOnce('startup');

      return;
    }

    const run = (async () => {
      try {
        await this.reminderSweepService.recoverInterrupted();
        await this.reminderSweepService.retryDue();
      } catch (error) {
        this.logger.error('The reminder retry pass has failed.', error instanceof Error ? error.stack : String(error));
      } finally {
        this.reminderSweepService.closeTransporters();
      }
    })();
    this.running = run.finally(() => {
      this.running = null;
    });
    await run;
  }

  private async claimAndSweep(trigger: 'cron' | 'startup'): Promise<boolean> {
    const day = this.clockService.today();
    const now = this.clockService.now();
    const claimed = await this.reminderRepository.claimScheduledSweep(
      day,
      INSTANCE_ID,
      now,
      new Date(now.getTime() - STALE_CLAIM_MINUTES * 60_000),
    );
    if (!claimed) {
      this.logger.log(`Another instance runs the scheduled reminder sweep for '${day}'; this instance skips it.`);

      return false;
    }

    try {
      const report = await this.reminderSweepService.sweep({ day, dryRun: false, trigger });
      if (report.interrupted) {
        await this.reminderRepository.releaseScheduledSweep(day, INSTANCE_ID);
      }
    } catch (error) {
      this.logger.error('The scheduled reminder sweep has failed.', error instanceof Error ? error.stack : String(error));
    }

    return true;
  }

  private async todaysRunIsOverdue(cronTime: string, timeZone: string): Promise<boolean> {
    const today = this.clockService.today();
    if (await this.reminderRepository.hasCompletedRun(today)) {
      return false;
    }

    return isTodaysRunPast(cronTime, timeZone, this.clockService.now(), today);
  }
}

/**
 * Returns true when the cron's run time on `today` (a date in `timeZone`) is at or before `now`.
 * It walks the run times from a day and a half before `now` to the first one on `today`.
 */
export function isTodaysRunPast(cronTime: string, timeZone: string, now: Date, today: string): boolean {
  const schedule = new CronTime(cronTime, timeZone);
  let next = schedule.getNextDateFrom(new Date(now.getTime() - 36 * 3600 * 1000), timeZone);
  for (let step = 0; step < 5000 && (next.toISODate() ?? today) < today; step += 1) {
    next = schedule.getNextDateFrom(next.toJSDate(), timeZone);
  }

  return next.toISODate() === today && next.toJSDate() <= now;
}
