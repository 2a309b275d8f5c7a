import { Injectable, Logger } from '@nestjs/common';
import { addDays, PlainDate } from '@solleciti/util';
import { randomUUID } from 'node:crypto';

import { ClockService } from '../../services/clock/clock.service';
import { ConfigurationService } from '../../services/configuration/configuration.service';
import {
  describeRecipientErrors,
  hasSmtpReply,
  isPermanentSmtpFailure,
  MailDeliveryService,
  OutgoingMessage,
} from '../../services/mail/mail-delivery.service';
import { defaultReminderTemplate, renderReminderMessage } from '../../services/mail/templates/reminder-message';
import { CompaniesService } from '../companies/companies.service';
import { CompanyEntity } from '../companies/company.entity';
import { CourtesyCopyService } from '../invoices/courtesy-copy.service';
import { MailSettingsEntity } from '../mail-settings/mail-settings.entity';
import { MailSettingsService } from '../mail-settings/mail-settings.service';
import { ReminderSettingsEntity } from '../reminder-settings/reminder-settings.entity';
import { ReminderSettingsService } from '../reminder-settings/reminder-settings.service';
import { FailureReason, RecipientError, ReminderDispatchEntity, RetryReason, SkipReason } from './reminder-dispatch.entity';
import { buildReminderMessageData } from './reminder-message-data';
import { ReminderCandidate, ReminderRepository } from './reminder.repository';
import { isProvisional, planInstallmentReminders, RecordedDispatch, ReminderDecision } from './reminder-rule';

const BATCH_SIZE = 500;

// Send days further back than this are never looked at, however long the sweep did not run.
const MAX_LOOKBACK_DAYS = 60;

// After this many temporary failures in a row, a server is not tried again in the same pass: its
// remaining reminders wait for their retry, and a dead company server costs the others little time.
const FAILURES_BEFORE_PAUSE = 3;

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
  status: 'sent' | 'failed' | 'skipped' | 'due' | 'retry' | 'uncertain';
  reason: string | null;
  /** Number of addresses the e-mail went or would go to, or 0 for a skip. */
  recipientCount: number;
  /** The server's reply or the error, for a reminder that was not sent. */
  error?: string | null;
  /** For a retry: when the next attempt is due (ISO 8601). */
  nextAttemptAt?: string | null;
  messageId?: string | null;
  /** Recipients the server rejected, each with its reply. */
  rejectedRecipients?: RecipientError[];
}

export interface SweepCounts {
  due: number;
  sent: number;
  failed: number;
  /** Temporary failures left for a later attempt. */
  retry: number;
  uncertain: number;
  skipped: Record<string, number>;
}

export interface SweepReport {
  day: PlainDate;
  dryRun: boolean;
  counts: SweepCounts;
  dispatches: DispatchOutcome[];
  durationMs: number;
  /**
   * The maximum time, in ms, between recording a reminder as submitting and recording it as sent:
   * a process killed inside it leaves a reminder whose delivery is unknown. Null when none was sent.
   */
  maxSubmitWindowMs: number | null;
  /** True when a stop request (SIGTERM) ended the sweep early; the next sweep goes on. */
  interrupted: boolean;
}

/** The outcome that one delivery attempt recorded. */
interface Delivery {
  status: 'sent' | 'retry' | 'failed' | 'uncertain';
  reason: FailureReason | RetryReason | null;
  /** The server's reply or the error, for anything but sent. */
  error: string | null;
  nextAttemptAt: Date | null;
  messageId: string | null;
  recipientCount: number;
  recipientErrors: RecipientError[];
}

const NO_DELIVERY: Omit<Delivery, 'status'> = {
  reason: null,
  error: null,
  nextAttemptAt: null,
  messageId: null,
  recipientCount: 0,
  recipientErrors: [],
};

/** Per-pass state shared by the reminders of one sweep or retry pass. */
interface PassState {
  /** Temporary failures in a row per transport (a company's server, or the system sender). */
  failuresInRow: Map<string, number>;
  /** The last server error per transport, recorded on the reminders not tried after it. */
  lastErrors: Map<string, string>;
  /** Times from submitting to sent, in ms, of the reminders sent in this pass. */
  submitWindowsMs: number[];
}

/**
 * The reminder sweep: for one day, finds every reminder due, claims it, sends it and records
 * the outcome. Running it again for the same day sends nothing new, because each reminder's
 * row is claimed under a unique key before the e-mail leaves. Each real sweep first recovers the
 * reminders a dead process left behind and sends the retries that are due.
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger(ReminderSweepService.name);
  private stopRequested = false;

  constructor(
    private readonly clockService: ClockService,
    private readonly companiesService: CompaniesService,
    private readonly configurationService: ConfigurationService,
    private readonly courtesyCopyService: CourtesyCopyService,
    private readonly mailDeliveryService: MailDeliveryService,
    private readonly mailSettingsService: MailSettingsService,
    private readonly reminderRepository: ReminderRepository,
    private readonly reminderSettingsService: ReminderSettingsService,
  ) {}

  /**
   * Asks running sweeps to stop after the reminder in flight has been recorded. Called on
   * SIGTERM; nothing new is claimed afterwards in this process.
   */
  requestStop(): void {
    this.stopRequested = true;
  }

  /** Closes the pooled connections to company servers that a retry pass opened. */
  closeTransporters(): void {
    this.mailDeliveryService.closeCompanyTransporters();
  }

  async sweep(options: SweepOptions): Promise<SweepReport> {
    const started = performance.now();
    const counts: SweepCounts = { due: 0, sent: 0, failed: 0, retry: 0, uncertain: 0, skipped: {} };
    const dispatches: DispatchOutcome[] = [];
    const pass: PassState = { failuresInRow: new Map(), lastErrors: new Map(), submitWindowsMs: [] };
    // Previews restricted to some companies run on every page view, so they log at debug level only.
    const logProgress = (message: string) =>
      options.dryRun && options.companyIds ? this.logger.debug(message) : this.logger.log(message);
    logProgress(`Reminder sweep for '${options.day}' has been started (${options.trigger}${options.dryRun ? ', dry run' : ''}).`);

    const recordsRun = !options.dryRun && options.companyIds === undefined;
    const runId = recordsRun ? await this.reminderRepository.startRun(options.day, options.trigger, this.clockService.now()) : null;
    const failedCompanies: number[] = [];
    try {
      if (!options.dryRun) {
        await this.recoverInterrupted();
        await this.retryDue(pass, counts, dispatches, options.companyIds);
      }

      const lastCompleted = latestBefore(
        options.day,
        await this.reminderRepository.lastCompletedDayBefore(options.day),
        options.dryRunMemory?.lastDay ?? null,
      );
      const companyIds = options.companyIds ? new Set(options.companyIds) : null;
      for (const settings of await this.reminderSettingsService.findEnabled()) {
        if (this.stopping(options)) {
          break;
        }
        if (companyIds !== null && !companyIds.has(settings.companyId)) {
          continue;
        }

        // One company's broken data or server must not keep the others' reminders from going out.
        try {
          await this.sweepCompany(settings, options, lastCompleted, counts, dispatches, pass);
        } catch (error) {
          failedCompanies.push(settings.companyId);
          this.logger.error(
            `Reminder sweep for '${options.day}' has failed for company '${settings.companyId}'; the other companies go on.`,
            error instanceof Error ? error.stack : String(error),
          );
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

    // An interrupted run is not completed, so the next start sweeps the same day again.
    const interrupted = this.stopping(options);
    if (runId !== null) {
      let status: 'completed' | 'failed' | 'interrupted' = 'completed';
      if (failedCompanies.length > 0) {
        status = 'failed';
      } else if (interrupted) {
        status = 'interrupted';
      }
      await this.reminderRepository.finishRun(runId, status, this.clockService.now(), flattenCounts(counts));
    }
    if (options.dryRunMemory) {
      options.dryRunMemory.lastDay = options.day;
    }

    const durationMs = Math.round(performance.now() - started);
    logProgress(
      `Reminder sweep for '${options.day}' has been ${interrupted ? 'stopped early' : 'completed'} in ${durationMs} ms: ` +
        `${counts.due} due, ${counts.sent} sent, ${counts.retry} to retry, ${counts.failed} failed, ` +
        `${counts.uncertain} uncertain, skipped ${JSON.stringify(counts.skipped)}${describeWindows(pass.submitWindowsMs)}.`,
    );
    if (failedCompanies.length > 0) {
      throw new Error(
        `The reminder sweep for ${options.day} failed for ${failedCompanies.length} compan${failedCompanies.length === 1 ? 'y' : 'ies'} ` +
          `(${failedCompanies.map((id) => `'${id}'`).join(', ')}); see the log. The other companies were swept.`,
      );
    }

    return {
      day: options.day,
      dryRun: options.dryRun,
      counts,
      dispatches,
      durationMs,
      maxSubmitWindowMs: pass.submitWindowsMs.length === 0 ? null : Math.max(...pass.submitWindowsMs),
      interrupted,
    };
  }

  /**
   * Sends the reminders in retry whose next attempt is due, and returns how many it handled.
   * The sweep calls it first; the server also calls it every few minutes so that backoff delays
   * shorter than a day are kept.
   */
  async retryDue(
    pass: PassState = { failuresInRow: new Map(), lastErrors: new Map(), submitWindowsMs: [] },
    counts: SweepCounts = { due: 0, sent: 0, failed: 0, retry: 0, uncertain: 0, skipped: {} },
    dispatches: DispatchOutcome[] = [],
    companyIds?: number[],
  ): Promise<number> {
    const enabled = new Map(
      (await this.reminderSettingsService.findEnabled())
        .filter((settings) => companyIds === undefined || companyIds.includes(settings.companyId))
        .map((settings) => [settings.companyId, settings]),
    );
    // NOTE: retries of a company whose reminders are switched off wait until they are switched on again.
    const contexts = new Map<number, { company: CompanyEntity; mailSettings: MailSettingsEntity | null }>();
    let handled = 0;
    let afterId = 0;

    for (;;) {
      const rows = await this.reminderRepository.findDueRetries(this.clockService.now(), afterId, BATCH_SIZE);
      for (const row of rows) {
        afterId = row.id;
        const settings = enabled.get(row.companyId);
        if (this.stopRequested || settings === undefined) {
          continue;
        }
        if (!(await this.reminderRepository.claimRetry(row.id, this.clockService.now()))) {
          continue;
        }

        let context = contexts.get(row.companyId);
        if (context === undefined) {
          context = {
            company: await this.companiesService.findOne(row.companyId),
            mailSettings: await this.mailSettingsService.findWithPassword(row.companyId),
          };
          contexts.set(row.companyId, context);
        }

        const outcome = await this.retryOne(row, settings, context, pass);
        tally(counts, outcome);
        dispatches.push(outcome);
        handled += 1;
      }

      if (rows.length < BATCH_SIZE) {
        break;
      }
    }

    if (handled > 0) {
      this.logger.log(`The retry pass has handled ${handled} reminder(s).`);
    }

    return handled;
  }

  private async retryOne(
    row: ReminderDispatchEntity,
    settings: ReminderSettingsEntity,
    context: { company: CompanyEntity; mailSettings: MailSettingsEntity | null },
    pass: PassState,
  ): Promise<DispatchOutcome> {
    const today = this.clockService.today();
    const candidate = await this.reminderRepository.findOpenCandidate(row.companyId, row.installmentId);
    const base = { companyId: row.companyId, clientId: row.clientId, invoiceId: row.invoiceId, installmentId: row.installmentId };
    const outcome = (status: DispatchOutcome['status'], reason: string | null): DispatchOutcome => ({
      ...base,
      clientName: candidate?.clientName ?? '',
      invoiceNumber: candidate?.invoiceNumber ?? '',
      level: row.level,
      dueDate: row.dueDate,
      status,
      reason,
      recipientCount: status === 'skipped' || candidate === null ? 0 : candidate.clientEmails.length,
    });

    // What changed since the first attempt decides: a paid installment, a moved due date or an
    // excluded client means this reminder is no longer wanted.
    let skipReason: SkipReason | null = null;
    if (candidate === null) {
      skipReason = 'paid';
    } else if (candidate.dueDate !== row.dueDate) {
      skipReason = 'missed';
    } else if (candidate.clientRemindersDisabled) {
      skipReason = 'excluded';
    } else if (candidate.clientEmails.length === 0) {
      skipReason = 'no-email';
    }
    if (skipReason !== null || candidate === null) {
      await this.reminderRepository.markSkipped(row.id, skipReason ?? 'paid', today);

      return outcome('skipped', skipReason);
    }

    const recorded = (await this.reminderRepository.findRecorded([row.installmentId])).get(row.installmentId) ?? [];
    const installmentCounts = await this.reminderRepository.countInstallments([row.invoiceId]);
    const delivery = await this.deliver(
      row.id,
      row.attempts + 1,
      () =>
        this.composeMessage(row.level, candidate, {
          company: context.company,
          settings,
          mailSettings: context.mailSettings,
          day: today,
          installmentCount: installmentCounts.get(row.invoiceId) ?? 1,
          previousReminders: recorded.filter((dispatch) => dispatch.status === 'sent').length,
        }),
      { companyId: row.companyId, mailSettings: context.mailSettings, installmentId: row.installmentId, level: row.level },
      pass,
    );

    return withDelivery(outcome(delivery.status, delivery.reason), delivery);
  }

  /**
   * Turns reminders left by a process that died into retries (never handed to the server) or
   * uncertain ones (perhaps delivered, so never sent again). Rows younger than
   * DISPATCH_STALE_SECONDS may belong to a sweep still running elsewhere and are left alone.
   */
  async recoverInterrupted(): Promise<void> {
    const now = this.clockService.now();
    const staleBefore = new Date(now.getTime() - this.configurationService.get('dispatchStaleSeconds') * 1000);
    const { retried, uncertain } = await this.reminderRepository.recoverInterrupted(now, staleBefore);

    if (retried > 0) {
      this.logger.warn(`${retried} reminder(s) left unsent by a stopped process will be tried again.`);
    }
    if (uncertain > 0) {
      this.logger.warn(
        `${uncertain} reminder(s) were being handed to the SMTP server when a process stopped; they are marked uncertain and not sent again.`,
      );
    }
  }

  private stopping(options: SweepOptions): boolean {
    return this.stopRequested && !options.dryRun;
  }

  private async sweepCompany(
    settings: ReminderSettingsEntity,
    options: SweepOptions,
    lastCompleted: PlainDate | null,
    counts: SweepCounts,
    dispatches: DispatchOutcome[],
    pass: PassState,
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
          if (this.stopping(options)) {
            return;
          }

          const current = history.find((row) => row.level === decision.level && row.dueDate === candidate.dueDate);
          const provisionalId = current && isProvisional(current, options.day) ? current.id : null;
          const outcome = await this.apply(decision, candidate, {
            company,
            settings,
            mailSettings,
            options,
            provisionalId,
            installmentCount: installmentCounts.get(candidate.invoiceId) ?? 1,
            previousReminders: history.filter((row) => row.status === 'sent').length,
            pass,
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
      pass: PassState;
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

    const dispatchId = await this.reminderRepository.claim(key, context.provisionalId, this.clockService.now());
    if (dispatchId === null) {
      this.logger.log(
        `Reminder ${decision.level} of installment '${candidate.installmentId}' is already claimed by another sweep; skipping it.`,
      );

      return outcome('skipped', 'claimed-elsewhere');
    }

    const delivery = await this.deliver(
      dispatchId,
      1,
      () =>
        this.composeMessage(decision.level, candidate, {
          company: context.company,
          settings: context.settings,
          mailSettings: context.mailSettings,
          day: context.options.day,
          installmentCount: context.installmentCount,
          previousReminders: context.previousReminders,
        }),
      { companyId: context.company.id, mailSettings: context.mailSettings, installmentId: candidate.installmentId, level: decision.level },
      context.pass,
    );

    return withDelivery(outcome(delivery.status, delivery.reason), delivery);
  }

  /**
   * Sends a claimed reminder and records the outcome. The row turns submitting only when the
   * server requests the message body, so a process killed before then has delivered nothing and a
   * later sweep sends the reminder. A process killed after it leaves the reminder uncertain.
   */
  private async deliver(
    dispatchId: number,
    attempt: number,
    compose: () => Promise<OutgoingMessage>,
    target: { companyId: number; mailSettings: MailSettingsEntity | null; installmentId: number; level: number },
    pass: PassState,
  ): Promise<Delivery> {
    const transport = target.mailSettings ? `company '${target.companyId}'` : 'the system sender';
    const failuresInRow = pass.failuresInRow.get(transport) ?? 0;
    if (failuresInRow >= FAILURES_BEFORE_PAUSE) {
      const error = pass.lastErrors.get(transport) ?? null;
      const nextAttemptAt = this.nextAttemptAt(attempt);
      await this.reminderRepository.markRetry(dispatchId, error, nextAttemptAt, 'server-paused', false);

      return { ...NO_DELIVERY, status: 'retry', reason: 'server-paused', error, nextAttemptAt };
    }

    let submittedAt: number | null = null;
    let messageId: string | null = null;
    try {
      const message = await compose();
      const fromAddress = target.mailSettings?.fromAddress ?? this.configurationService.get('mailDefaultFrom');
      const ownMessageId = `<${randomUUID()}@${domainOf(fromAddress)}>`;
      messageId = ownMessageId;
      const send = target.mailSettings
        ? (gated: OutgoingMessage) => this.mailDeliveryService.sendWithCompanyServer(target.mailSettings as MailSettingsEntity, gated)
        : (gated: OutgoingMessage) => this.mailDeliveryService.sendWithSystemSender(gated);

      const result = await send({
        ...message,
        messageId: ownMessageId,
        beforeSubmit: async () => {
          await this.reminderRepository.markSubmitting(dispatchId, ownMessageId, this.clockService.now());
          submittedAt = performance.now();
        },
      });
      const recipientCount = message.to.length - result.recipientErrors.length;
      messageId = result.messageId || ownMessageId;
      await this.reminderRepository.markSent(dispatchId, messageId, recipientCount, this.clockService.now(), result.recipientErrors);
      if (submittedAt !== null) {
        pass.submitWindowsMs.push(Math.round((performance.now() - submittedAt) * 100) / 100);
      }
      pass.failuresInRow.set(transport, 0);

      return { ...NO_DELIVERY, status: 'sent', messageId, recipientCount, recipientErrors: result.recipientErrors };
    } catch (error) {
      return this.recordFailure(dispatchId, attempt, error, submittedAt !== null ? messageId : null, target, transport, pass);
    }
  }

  /** Records a failed send as uncertain, failed or retry; `submittedMessageId` is set once the body left. */
  private async recordFailure(
    dispatchId: number,
    attempt: number,
    error: unknown,
    submittedMessageId: string | null,
    target: { installmentId: number; level: number },
    transport: string,
    pass: PassState,
  ): Promise<Delivery> {
    const answer = describeError(error);
    const label = `Reminder ${target.level} of installment '${target.installmentId}' (dispatch '${dispatchId}')`;

    // The server had the whole message and sent no reply, so it may have accepted it: never send it again.
    if (submittedMessageId !== null && !hasSmtpReply(error)) {
      await this.reminderRepository.markUncertain(dispatchId, answer, 'connection-lost');
      this.logger.warn(`${label} may or may not have been delivered; it is marked uncertain.`);

      return { ...NO_DELIVERY, status: 'uncertain', reason: 'connection-lost', error: answer, messageId: submittedMessageId };
    }

    if (isPermanentSmtpFailure(error)) {
      const rejected = describeRecipientErrors((error as { rejectedErrors?: unknown }).rejectedErrors);
      await this.reminderRepository.markFailed(dispatchId, answer, 'rejected', rejected);
      this.logger.warn(`${label} was rejected by the SMTP server of ${transport}; it is recorded as failed.`);

      return { ...NO_DELIVERY, status: 'failed', reason: 'rejected', error: answer, recipientErrors: rejected };
    }

    // Only failures of the server count towards pausing it; a failure of this program does not.
    const serverFailure = typeof (error as { code?: unknown })?.code === 'string' || hasSmtpReply(error);
    pass.failuresInRow.set(transport, serverFailure ? (pass.failuresInRow.get(transport) ?? 0) + 1 : 0);
    if (serverFailure) {
      pass.lastErrors.set(transport, answer);
    }

    const maxAttempts = this.configurationService.get('mailRetryMaxAttempts');
    if (attempt >= maxAttempts) {
      await this.reminderRepository.markFailed(dispatchId, answer, 'retries-exhausted', []);
      this.logger.warn(`${label} has failed ${attempt} time(s) and is recorded as failed.`);

      return { ...NO_DELIVERY, status: 'failed', reason: 'retries-exhausted', error: answer };
    }

    const nextAttemptAt = this.nextAttemptAt(attempt);
    await this.reminderRepository.markRetry(dispatchId, answer, nextAttemptAt, null);
    this.logger.warn(`${label} has failed temporarily (attempt ${attempt} of ${maxAttempts}); next attempt at ${nextAttemptAt.toISOString()}.`);

    return { ...NO_DELIVERY, status: 'retry', error: answer, nextAttemptAt };
  }

  /** Exponential backoff: MAIL_RETRY_BASE_SECONDS after the first attempt, doubling after each. */
  private nextAttemptAt(attempt: number): Date {
    const delaySeconds = this.configurationService.get('mailRetryBaseSeconds') * 2 ** Math.max(0, attempt - 1);

    return new Date(this.clockService.now().getTime() + delaySeconds * 1000);
  }

  private async composeMessage(
    level: number,
    candidate: ReminderCandidate,
    context: {
      company: CompanyEntity;
      settings: ReminderSettingsEntity;
      mailSettings: MailSettingsEntity | null;
      day: PlainDate;
      installmentCount: number;
      previousReminders: number;
    },
  ): Promise<OutgoingMessage> {
    const language = candidate.clientLanguage;
    const data = buildReminderMessageData({
      candidate,
      company: context.company,
      settings: context.settings,
      language,
      level,
      day: context.day,
      installmentCount: context.installmentCount,
      previousReminders: context.previousReminders,
    });

    // Custom templates go only through the company's own server; the system sender always uses the default.
    const template =
      (context.mailSettings ? await this.mailSettingsService.findTemplate(context.company.id, level, language) : null) ??
      defaultReminderTemplate(language, level);
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

    return {
      to: candidate.clientEmails,
      ...rendered,
      attachments,
      replyTo: context.mailSettings ? undefined : context.company.email,
    };
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
  } else if (outcome.status === 'retry') {
    counts.due += 1;
    counts.retry += 1;
  } else if (outcome.status === 'uncertain') {
    counts.due += 1;
    counts.uncertain += 1;
  } else if (outcome.status === 'due') {
    counts.due += 1;
  } else {
    const reason = outcome.reason ?? 'unknown';
    counts.skipped[reason] = (counts.skipped[reason] ?? 0) + 1;
  }
}

function flattenCounts(counts: SweepCounts): Record<string, number> {
  const flat: Record<string, number> = {
    due: counts.due,
    sent: counts.sent,
    failed: counts.failed,
    retry: counts.retry,
    uncertain: counts.uncertain,
  };
  Object.entries(counts.skipped).forEach(([reason, count]) => (flat[`skipped:${reason}`] = count));

  return flat;
}

/** Adds what a delivery recorded to a sweep outcome, for the report and `sweep --json`. */
function withDelivery(outcome: DispatchOutcome, delivery: Delivery): DispatchOutcome {
  return {
    ...outcome,
    recipientCount: delivery.status === 'sent' ? delivery.recipientCount : 0,
    error: delivery.error,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    messageId: delivery.messageId,
    rejectedRecipients: delivery.recipientErrors,
  };
}

/** Returns the median and maximum time from submitting to sent, for the sweep's closing log line. */
function describeWindows(windowsMs: number[]): string {
  if (windowsMs.length === 0) {
    return '';
  }

  const sorted = [...windowsMs].sort((left, right) => left - right);

  return `; time from submitting to sent: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms`;
}

/** Returns the domain of an address such as "Name <user@example.com>", for Message-IDs. */
function domainOf(address: string): string {
  const match = /@([A-Za-z0-9.-]+)/.exec(address);

  return match ? match[1] : 'solleciti.invalid';
}

/** Returns the server's reply, or the error's message, without the stack. */
function describeError(error: unknown): string {
  if (error instanceof Error) {
    const { response } = error as { response?: unknown };

    return typeof response === 'string' && response.length > 0 ? response : error.message;
  }

  return String(error);
}

function courtesyCopyFileName(invoiceNumber: string, language: 'it' | 'en'): string {
  const safeNumber = invoiceNumber.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60);

  return language === 'it' ? `copia-di-cortesia-${safeNumber}.pdf` : `courtesy-copy-${safeNumber}.pdf`;
}
