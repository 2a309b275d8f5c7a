import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { ReminderSchedulerService } from './reminder-scheduler.service';
import { RemindersModule } from './reminders.module';

/** The nightly sweep; loaded by the server only, never by the CLI. */
@Module({
  imports: [RemindersModule, ScheduleModule.forRoot()],
  providers: [ReminderSchedulerService],
})
export class ReminderSchedulerModule {}
