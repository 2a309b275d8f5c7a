import { Injectable, Logger } from '@nestjs/common';
import { addDays, PlainDate } from '@solleciti/util';

import { ClockService } from '../../services/clock/clock.service';
import { MailDeliveryService } from '../../services/mail/mail-delivery.service';
import { defaultReminderTemplate, renderReminderMessage } from '../../services/mail/templates/reminder-message';
import { CompaniesService } from '../companies/companies.service';
import { CompanyEntity } from '../companies/company.entity';
import { CourtesyCopyService } from '../invoices/courtesy-copy.service';
import { MailSettingsEntity } from '../mail-settings/mail-settings.entity';
import { MailSettingsService } from '../mail-settings/mail-settings.service';
import { ReminderSettingsEntity } from '../reminder-settings/reminder-settings.entity';
import { ReminderSettingsService } from '../reminder-settings/reminder-settings.service';
import { SkipReason } from './reminder-dispatch.entity';
import { buildReminderMessageData } from './reminder-message-data';
import { ReminderCandidate, ReminderRepository } from './reminder.repository';
import { isProvisional, planInstallmentReminders, RecordedDispatch, ReminderDecision } from './reminder-rule';

const BATCH_SIZE = 500;

// Send days further back than this are never looked at, however long the sweep did not run.
const MAX_LOOKBACK_DAYS = 60;

export interface SweepOptions {
  day: PlainDate;
  dryRun: boolean;
  trigger: 'cron' | 'startup' | 'cli' | 'api';
  /**
   * For dry runs over several days: what the earlier days of the same run would have recorded,
   * so that a reminder counted as due on one day is not reported as missed on the next.
   */
  dryRunMemory?: DryRunMemory;
  /**
   * Sweeps only these companies (those of them whose reminders are on). A restricted run is not
   * recorded in sweep_runs, because a recorded run counts as a completed day for every company.
   */
  companyIds?: number[];
}

export interface DryRunMemory {
  recorded: Map<number, RecordedDispatch[]>;
  lastDay: PlainDate | null;
}

export function createDryRunMemory(): DryRunMemory {
  return { recorded: new Map(), lastDay: null };
}

export interface DispatchOutcome {
  companyId: number;
  clientId: number;
  clientName: string;
  invoiceId: number;
  invoiceNumber: string;
  installmentId: number;
  level: number;
  dueDate: PlainDate;
  status: 'sent' | 'failed' | 'skipped' | 'due';
  reason: string | null;
  /** Number of addresses the e-mail went or would go to, or 0 for a skip. */
  recipientCount: number;
}

export interface SweepCounts {
  due: number;
  sent: number;
  failed: number;
  skipped: Record<string, number>;
}

export interface SweepReport {
  day: PlainDate;
  dryRun: boolean;
  counts: SweepCounts;
  dispatches: DispatchOutcome[];
  durationMs: number;
}

/**
 * The reminder sweep: for one day, finds every reminder due, claims it, sends it and records
 * the outcome. Running it again for the same day sends nothing new, because each reminder's
 * row is claimed under a unique key before the e-mail leaves.
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger(ReminderSweepService.name);

  constructor(
    private readonly clockService: ClockService,
    private readonly companiesService: CompaniesService,
    private readonly courtesyCopyService: CourtesyCopyService,
    private readonly mailDeliveryService: MailDeliveryService,
    private readonly mailSettingsService: MailSettingsService,
    private readonly reminderRepository: ReminderRepository,
    private readonly reminderSettingsService: ReminderSettingsService,
  ) {}

  async sweep(options: SweepOptions): Promise<SweepReport> {
    const started = performance.now();
    const counts: SweepCounts = { due: 0, sent: 0, failed: 0, skipped: {} };
    const dispatches: DispatchOutcome[] = [];
    // Previews restricted to some companies run on every page view, so they log at debug level only.
    const logProgress = (message: string) =>
      options.dryRun && options.companyIds ? this.logger.debug(message) : this.logger.log(message);
    logProgress(`Reminder sweep for '${options.day}' has been started (${options.trigger}${options.dryRun ? ', dry run' : ''}).`);

    const recordsRun = !options.dryRun && options.companyIds === undefined;
    const runId = recordsRun ? await this.reminderRepository.startRun(options.day, options.trigger, this.clockService.now()) : null;
    try {
      const lastCompleted = latestBefore(
        options.day,
        await this.reminderRepository.lastCompletedDayBefore(options.day),
        options.dryRunMemory?.lastDay ?? null,
      );
      const companyIds = options.companyIds ? new Set(options.companyIds) : null;
      for (const settings of await this.reminderSettingsService.findEnabled()) {
        if (companyIds === null || companyIds.has(settings.companyId)) {
          await this.sweepCompany(settings, options, lastCompleted, counts, dispatches);
        }
      }
    } catch (error) {
      if (runId !== null) {
        await this.reminderRepository.finishRun(runId, 'failed', this.clockService.now(), flattenCounts(counts));
      }
      this.logger.error(`Reminder sweep for '${options.day}' has failed.`, error instanceof Error ? error.stack : String(error));

      throw error;
    } finally {
      // A dry run opens no connection, and closing here would cut off a real sweep running meanwhile.
      if (!options.dryRun) {
        this.mailDeliveryService.closeCompanyTransporters();
      }
    }

    if (runId !== null) {
      await this.reminderRepository.finishRun(runId, 'completed', this.clockService.now(), flattenCounts(counts));
    }
    if (options.dryRunMemory) {
      options.dryRunMemory.lastDay = options.day;
    }

    const durationMs = Math.round(performance.now() - started);
    logProgress(
      `Reminder sweep for '${options.day}' has been completed in ${durationMs} ms: ${counts.due} due, ${counts.sent} sent, ` +
        `${counts.failed} failed, skipped ${JSON.stringify(counts.skipped)}.`,
    );

    return { day: options.day, dryRun: options.dryRun, counts, dispatches, durationMs };
  }

  private async sweepCompany(
    settings: ReminderSettingsEntity,
    options: SweepOptions,
    lastCompleted: PlainDate | null,
    counts: SweepCounts,
    dispatches: DispatchOutcome[],
  ): Promise<void> {
    const horizonStart = computeHorizonStart(options.day, settings.catchUpDays, lastCompleted);
    const ranges = settings.offsets.map((offset) => ({
      from: addDays(horizonStart, -offset),
      to: addDays(options.day, -offset),
    }));
    const company = await this.companiesService.findOne(settings.companyId);
    const mailSettings = await this.mailSettingsService.findWithPassword(settings.companyId);

    let afterId = 0;
    for (;;) {
      const candidates = await this.reminderRepository.findCandidates(settings.companyId, ranges, afterId, BATCH_SIZE);
      if (candidates.length === 0) {
        break;
      }
      afterId = candidates[candidates.length - 1].installmentId;

      const recorded = await this.reminderRepository.findRecorded(candidates.map((candidate) => candidate.installmentId));
      const installmentCounts = await this.reminderRepository.countInstallments([
        ...new Set(candidates.map((candidate) => candidate.invoiceId)),
      ]);

      for (const candidate of candidates) {
        const history = [
          ...(recorded.get(candidate.installmentId) ?? []),
          ...(options.dryRunMemory?.recorded.get(candidate.installmentId) ?? []).map((row) => ({ ...row, id: -1 })),
        ];
        const decisions = planInstallmentReminders({
          today: options.day,
          dueDate: candidate.dueDate,
          offsets: settings.offsets,
          catchUpDays: settings.catchUpDays,
          horizonStart,
          recorded: history,
        });

        for (const decision of decisions) {
          const current = history.find((row) => row.level === decision.level && row.dueDate === candidate.dueDate);
          const provisionalId = current && isProvisional(current) ? current.id : null;
          const outcome = await this.apply(decision, candidate, {
            company,
            settings,
            mailSettings,
            options,
            provisionalId,
            installmentCount: installmentCounts.get(candidate.invoiceId) ?? 1,
            previousReminders: history.filter((row) => row.status === 'sent').length,
          });

          tally(counts, outcome);
          dispatches.push(outcome);
          if (options.dryRun && options.dryRunMemory) {
            remember(options.dryRunMemory, candidate.installmentId, outcome);
          }
        }
      }

      if (candidates.length < BATCH_SIZE) {
        break;
      }
    }
  }

  private async apply(
    decision: ReminderDecision,
    candidate: ReminderCandidate,
    context: {
      company: CompanyEntity;
      settings: ReminderSettingsEntity;
      mailSettings: MailSettingsEntity | null;
      options: SweepOptions;
      provisionalId: number | null;
      installmentCount: number;
      previousReminders: number;
    },
  ): Promise<DispatchOutcome> {
    const key = {
      companyId: context.company.id,
      clientId: candidate.clientId,
      invoiceId: candidate.invoiceId,
      installmentId: candidate.installmentId,
      level: decision.level,
      dueDate: candidate.dueDate,
      offsetDays: decision.offsetDays,
      sendDay: decision.sendDay,
      processedDay: context.options.day,
    };
    const outcome = (status: DispatchOutcome['status'], reason: string | null): DispatchOutcome => ({
      companyId: key.companyId,
      clientId: key.clientId,
      clientName: candidate.clientName,
      invoiceId: key.invoiceId,
      invoiceNumber: candidate.invoiceNumber,
      installmentId: key.installmentId,
      level: key.level,
      dueDate: key.dueDate,
      status,
      reason,
      recipientCount: status === 'skipped' ? 0 : candidate.clientEmails.length,
    });
    const skip = async (reason: SkipReason) => {
      if (!context.options.dryRun) {
        await this.reminderRepository.recordSkip(key, reason, context.provisionalId);
      }

      return outcome('skipped', reason);
    };

    if (decision.action === 'missed') {
      return skip('missed');
    }
    if (candidate.clientRemindersDisabled) {
      return skip('excluded');
    }
    if (candidate.clientEmails.length === 0) {
      return skip('no-email');
    }
    if (context.options.dryRun) {
      return outcome('due', null);
    }

    const dispatchId = await this.reminderRepository.claim(key, context.provisionalId);
    if (dispatchId === null) {
      this.logger.log(
        `Reminder ${decision.level} of installment '${candidate.installmentId}' is already claimed by another sweep; skipping it.`,
      );

      return outcome('skipped', 'claimed-elsewhere');
    }

    try {
      const messageId = await this.send(decision, candidate, context);
      await this.reminderRepository.markSent(dispatchId, messageId, candidate.clientEmails.length, this.clockService.now());

      return outcome('sent', null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.reminderRepository.markFailed(dispatchId, message);
      this.logger.warn(
        `Reminder ${decision.level} of installment '${candidate.installmentId}' has failed (dispatch '${dispatchId}').`,
      );

      return outcome('failed', (error as { responseCode?: number }).responseCode ? `smtp-${(error as { responseCode: number }).responseCode}` : 'error');
    }
  }

  private async send(
    decision: ReminderDecision,
    candidate: ReminderCandidate,
    context: {
      company: CompanyEntity;
      settings: ReminderSettingsEntity;
      mailSettings: MailSettingsEntity | null;
      options: SweepOptions;
      installmentCount: number;
      previousReminders: number;
    },
  ): Promise<string> {
    const language = candidate.clientLanguage;
    const data = buildReminderMessageData({
      candidate,
      company: context.company,
      settings: context.settings,
      language,
      level: decision.level,
      day: context.options.day,
      installmentCount: context.installmentCount,
      previousReminders: context.previousReminders,
    });

    // Custom templates go only through the company's own server; the system sender always uses the default.
    const template =
      (context.mailSettings
        ? await this.mailSettingsService.findTemplate(context.company.id, decision.level, language)
        : null) ?? defaultReminderTemplate(language, decision.level);
    const rendered = renderReminderMessage(template, data);
    const attachments = context.settings.attachCourtesyCopy
      ? [
          {
            filename: courtesyCopyFileName(candidate.invoiceNumber, language),
            content: await this.courtesyCopyService.getPdf(context.company.id, candidate.invoiceId, language),
            contentType: 'application/pdf',
          },
        ]
      : [];
    const message = { to: candidate.clientEmails, ...rendered, attachments };

    const result = context.mailSettings
      ? await this.mailDeliveryService.sendWithCompanyServer(context.mailSettings, message)
      : await this.mailDeliveryService.sendWithSystemSender({ ...message, replyTo: context.company.email });

    return result.messageId;
  }
}

/**
 * Returns the earliest send day a sweep of `day` looks at. That is the start of the catch-up
 * window, widened back to the day after the last completed sweep so that reminders of days when no
 * sweep ran get recorded as missed. It is never more than MAX_LOOKBACK_DAYS back.
 */
export function computeHorizonStart(day: PlainDate, catchUpDays: number, lastCompleted: PlainDate | null): PlainDate {
  const windowStart = addDays(day, -catchUpDays);
  const afterLastRun = lastCompleted === null ? windowStart : addDays(lastCompleted, 1);
  const earliest = addDays(day, -MAX_LOOKBACK_DAYS);
  const start = afterLastRun < windowStart ? afterLastRun : windowStart;

  return start < earliest ? earliest : start;
}

/** Returns the later of two optional days that are both before `day`. */
function latestBefore(day: PlainDate, first: PlainDate | null, second: PlainDate | null): PlainDate | null {
  const candidates = [first, second].filter((value): value is PlainDate => value !== null && value < day);

  return candidates.length === 0 ? null : candidates.sort()[candidates.length - 1];
}

function remember(memory: DryRunMemory, installmentId: number, outcome: DispatchOutcome): void {
  const rows = memory.recorded.get(installmentId) ?? [];
  // A reminder a real run would have sent counts as sent for the days that follow.
  let status: RecordedDispatch['status'] = 'failed';
  if (outcome.status === 'due' || outcome.status === 'sent') {
    status = 'sent';
  } else if (outcome.status === 'skipped') {
    status = 'skipped';
  }

  rows.push({
    level: outcome.level,
    dueDate: outcome.dueDate,
    status,
    reason: status === 'skipped' ? (outcome.reason as SkipReason) : null,
  });
  memory.recorded.set(installmentId, rows);
}

function tally(counts: SweepCounts, outcome: DispatchOutcome): void {
  if (outcome.status === 'sent') {
    counts.due += 1;
    counts.sent += 1;
  } else if (outcome.status === 'failed') {
    counts.due += 1;
    counts.failed += 1;
  } else if (outcome.status === 'due') {
    counts.due += 1;
  } else {
    const reason = outcome.reason ?? 'unknown';
    counts.skipped[reason] = (counts.skipped[reason] ?? 0) + 1;
  }
}

function flattenCounts(counts: SweepCounts): Record<string, number> {
  const flat: Record<string, number> = { due: counts.due, sent: counts.sent, failed: counts.failed };
  Object.entries(counts.skipped).forEach(([reason, count]) => (flat[`skipped:${reason}`] = count));

  return flat;
}

function courtesyCopyFileName(invoiceNumber: string, language: 'it' | 'en'): string {
  const safeNumber = invoiceNumber.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60);

  return language === 'it' ? `copia-di-cortesia-${safeNumber}.pdf` : `courtesy-copy-${safeNumber}.pdf`;
}
