import { BadRequestException, Injectable } from '@nestjs/common';
import { ReminderCalendarResponse, UpcomingReminderResponse, UpcomingRemindersResponse } from '@solleciti/dto';
import { addDays, daysBetween, PlainDate } from '@solleciti/util';

import { ClockService } from '../../services/clock/clock.service';
import { CompaniesService } from '../companies/companies.service';
import { ReminderSettingsService } from '../reminder-settings/reminder-settings.service';
import { createDryRunMemory, DispatchOutcome, DryRunMemory, ReminderSweepService } from './reminder-sweep.service';

/** Maximum range of GET reminders/calendar, both ends included: two months of 31 days. */
export const MAX_REMINDER_CALENDAR_DAYS = 62;

/**
 * Previews what the sweep will send on coming days. Each day is a dry run of the sweep itself,
 * restricted to one company, so the preview follows every rule the real sweep follows.
 */
@Injectable()
export class UpcomingRemindersService {
  constructor(
    private readonly clockService: ClockService,
    private readonly companiesService: CompaniesService,
    private readonly reminderSettingsService: ReminderSettingsService,
    private readonly reminderSweepService: ReminderSweepService,
  ) {}

  /**
   * Lists the reminders the sweep of `date` (tomorrow by default) would send or skip, assuming
   * that every sweep up to the day before has run.
   */
  async forDay(companyId: number, date: PlainDate | undefined): Promise<UpcomingRemindersResponse> {
    await this.companiesService.findOne(companyId);
    const day = date ?? addDays(this.clockService.today(), 1);
    const memory = this.memoryBefore(day);
    const { items, due } = await this.dryRun(companyId, day, memory);

    return { date: day, remindersEnabled: await this.remindersEnabled(companyId), items, due };
  }

  /**
   * Lists, day by day from `from` to `to`, what each sweep would send or skip. The days share one
   * dry-run memory, so a reminder counted on one day is treated as sent on the following days.
   */
  async forRange(companyId: number, from: PlainDate, to: PlainDate): Promise<ReminderCalendarResponse> {
    if (to < from) {
      throw new BadRequestException(`to ${to} is before from ${from}; give a range whose end is on or after its start`);
    }
    const dayCount = daysBetween(from, to) + 1;
    if (dayCount > MAX_REMINDER_CALENDAR_DAYS) {
      throw new BadRequestException(
        `The range from ${from} to ${to} covers ${dayCount} days, more than the maximum of ${MAX_REMINDER_CALENDAR_DAYS}; ask for a shorter range`,
      );
    }
    await this.companiesService.findOne(companyId);

    const memory = this.memoryBefore(from);
    const days: ReminderCalendarResponse['days'] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      days.push({ date: day, ...(await this.dryRun(companyId, day, memory)) });
    }

    return { from, to, remindersEnabled: await this.remindersEnabled(companyId), days };
  }

  /** Returns a memory in which the sweep of the day before `day` has already run. */
  private memoryBefore(day: PlainDate): DryRunMemory {
    const memory = createDryRunMemory();
    memory.lastDay = addDays(day, -1);

    return memory;
  }

  private async dryRun(
    companyId: number,
    day: PlainDate,
    memory: DryRunMemory,
  ): Promise<{ items: UpcomingReminderResponse[]; due: number }> {
    const report = await this.reminderSweepService.sweep({
      day,
      dryRun: true,
      dryRunMemory: memory,
      trigger: 'api',
      companyIds: [companyId],
    });

    return { items: report.dispatches.map(toUpcomingReminder), due: report.counts.due };
  }

  private async remindersEnabled(companyId: number): Promise<boolean> {
    return (await this.reminderSettingsService.get(companyId)).enabled;
  }
}

function toUpcomingReminder(outcome: DispatchOutcome): UpcomingReminderResponse {
  return {
    installmentId: outcome.installmentId,
    invoiceId: outcome.invoiceId,
    invoiceNumber: outcome.invoiceNumber,
    clientId: outcome.clientId,
    clientName: outcome.clientName,
    level: outcome.level,
    dueDate: outcome.dueDate,
    // A dry run reports only 'due' and 'skipped', because 'sent' and 'failed' come from real sends.
    status: outcome.status === 'skipped' ? 'skipped' : 'due',
    reason: outcome.reason,
    recipientCount: outcome.recipientCount,
  };
}
