import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeAmount, PlainDate, PROVISIONAL_SKIP_REASONS } from '@solleciti/util';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';

import { isUniqueViolation } from '../../services/database/unique-violation';
import { InstallmentEntity } from '../invoices/installment.entity';
import { FailureReason, RecipientError, ReminderDispatchEntity, RetryReason, SkipReason } from './reminder-dispatch.entity';
import { RecordedDispatch } from './reminder-rule';
import { ScheduledSweepClaimEntity } from './scheduled-sweep-claim.entity';
import { SweepRunEntity, SweepRunStatus } from './sweep-run.entity';

/** An open, remindable installment with what the sweep needs of its invoice and client. */
export interface ReminderCandidate {
  installmentId: number;
  invoiceId: number;
  position: number;
  dueDate: PlainDate;
  amountDue: string;
  amountPaid: string;
  paymentMethod: string;
  iban: string | null;
  invoiceNumber: string;
  invoiceDate: PlainDate;
  documentType: string;
  currency: string;
  clientId: number;
  clientName: string;
  clientEmails: string[];
  clientLanguage: 'it' | 'en';
  clientRemindersDisabled: boolean;
}

export interface DispatchKey {
  companyId: number;
  clientId: number;
  invoiceId: number;
  installmentId: number;
  level: number;
  dueDate: PlainDate;
  offsetDays: number;
  sendDay: PlainDate;
  processedDay: PlainDate;
}

/** All SQL of the reminder sweep: candidate selection, dispatch claims and sweep runs. */
@Injectable()
export class ReminderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Returns up to `limit` open installments of a company, after `afterId` in id order, whose due
   * date falls in one of the ranges. The ranges come from the send days under consideration, so
   * the (company_id, due_date) index bounds the work by the reminders due, not by the rows stored.
   */
  async findCandidates(
    companyId: number,
    dueDateRanges: Array<{ from: PlainDate; to: PlainDate }>,
    afterId: number,
    limit: number,
  ): Promise<ReminderCandidate[]> {
    const builder = this.openCandidatesQuery(companyId)
      .andWhere('installment.id > :afterId', { afterId })
      .andWhere(
        new Brackets((ranges) => {
          dueDateRanges.forEach((range, index) =>
            ranges.orWhere(`installment.due_date BETWEEN :from${index} AND :to${index}`, {
              [`from${index}`]: range.from,
              [`to${index}`]: range.to,
            }),
          );
        }),
      )
      .orderBy('installment.id', 'ASC')
      .limit(limit);

    const rows: Array<Record<string, unknown>> = await builder.getRawMany();

    return rows.map(toCandidate);
  }

  /**
   * Returns the open, remindable installment of a company with the earliest due date (the lowest
   * id among equal dates), or null when there is none.
   */
  async findEarliestOpenCandidate(companyId: number): Promise<ReminderCandidate | null> {
    const row: Record<string, unknown> | undefined = await this.openCandidatesQuery(companyId)
      .orderBy('installment.due_date', 'ASC')
      .addOrderBy('installment.id', 'ASC')
      .limit(1)
      .getRawOne();

    return row ? toCandidate(row) : null;
  }

  /**
   * Starts the candidate query: a company's open installments that can get reminders (which
   * implies a due date), with the invoice and client columns that ReminderCandidate needs.
   */
  private openCandidatesQuery(companyId: number): SelectQueryBuilder<InstallmentEntity> {
    return this.dataSource
      .getRepository(InstallmentEntity)
      .createQueryBuilder('installment')
      .innerJoin('installment.invoice', 'invoice')
      .innerJoin('invoice.client', 'client')
      .select([
        'installment.id AS installment_id',
        'installment.invoice_id AS invoice_id',
        'installment.position AS position',
        'installment.due_date AS due_date',
        'installment.amount_due AS amount_due',
        'installment.amount_paid AS amount_paid',
        'installment.payment_method AS payment_method',
        'installment.iban AS iban',
        'invoice.number AS invoice_number',
        'invoice.date AS invoice_date',
        'invoice.document_type AS document_type',
        'invoice.currency AS currency',
        'client.id AS client_id',
        'client.display_name AS client_name',
        'client.company_name AS client_company_name',
        'client.first_name AS client_first_name',
        'client.last_name AS client_last_name',
        'client.emails AS client_emails',
        'client.language AS client_language',
        'client.reminders_disabled AS client_reminders_disabled',
      ])
      .where('installment.company_id = :companyId', { companyId })
      .andWhere('installment.no_reminder_reason IS NULL')
      .andWhere('installment.amount_due > installment.amount_paid');
  }

  async countInstallments(invoiceIds: number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    if (invoiceIds.length === 0) {
      return counts;
    }

    const rows: Array<{ invoice_id: number; total: number }> = await this.dataSource
      .getRepository(InstallmentEntity)
      .createQueryBuilder('installment')
      .select('installment.invoice_id', 'invoice_id')
      .addSelect('COUNT(*)', 'total')
      .where('installment.invoice_id IN (:...invoiceIds)', { invoiceIds })
      .groupBy('installment.invoice_id')
      .getRawMany();
    rows.forEach((row) => counts.set(Number(row.invoice_id), Number(row.total)));

    return counts;
  }

  async findRecorded(installmentIds: number[]): Promise<Map<number, Array<RecordedDispatch & { id: number }>>> {
    const recorded = new Map<number, Array<RecordedDispatch & { id: number }>>();
    if (installmentIds.length === 0) {
      return recorded;
    }

    const rows = await this.dataSource.getRepository(ReminderDispatchEntity).find({
      where: { installmentId: In(installmentIds) },
      select: { id: true, installmentId: true, level: true, dueDate: true, status: true, reason: true, processedDay: true },
    });
    for (const row of rows) {
      const list = recorded.get(row.installmentId) ?? [];
      list.push({
        id: row.id,
        level: row.level,
        dueDate: row.dueDate,
        status: row.status,
        reason: row.reason,
        processedDay: String(row.processedDay).slice(0, 10),
      });
      recorded.set(row.installmentId, list);
    }

    return recorded;
  }

  /**
   * Claims a reminder before it is sent: inserts its row as 'sending', or takes over a provisional
   * skip or a failed send. Returns the row id, or null when another sweep has claimed the reminder already.
   */
  async claim(key: DispatchKey, provisionalId: number | null, now: Date): Promise<number | null> {
    const repository = this.dataSource.getRepository(ReminderDispatchEntity);

    if (provisionalId !== null) {
      const result = await repository
        .createQueryBuilder()
        .update()
        .set({
          status: 'sending',
          reason: null,
          processedDay: key.processedDay,
          claimedAt: now,
          nextAttemptAt: null,
          // A later day's sweep starts a new round of attempts, with its own backoff and limit.
          attempts: 1,
        })
        .where("id = :id AND (status = 'failed' OR (status = 'skipped' AND reason IN (:...reasons)))", {
          id: provisionalId,
          reasons: PROVISIONAL_SKIP_REASONS,
        })
        .execute();

      return result.affected === 1 ? provisionalId : null;
    }

    try {
      const result = await repository.insert({ ...key, status: 'sending', reason: null, attempts: 1, claimedAt: now });

      return Number(result.identifiers[0]['id']);
    } catch (error) {
      if (isUniqueViolation(error)) {
        return null;
      }

      throw error;
    }
  }

  /**
   * Claims a reminder in retry whose next attempt is due. Returns false when another sweep took it
   * first, so that two processes retrying at once send it once.
   */
  async claimRetry(id: number, now: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ReminderDispatchEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'sending', reason: null, claimedAt: now, nextAttemptAt: null, attempts: () => 'attempts + 1' })
      .where("id = :id AND status = 'retry' AND next_attempt_at <= :now", { id, now })
      .execute();

    return result.affected === 1;
  }

  /** Returns the reminders in retry whose next attempt is due, oldest first. */
  async findDueRetries(now: Date, afterId: number, limit: number): Promise<ReminderDispatchEntity[]> {
    return this.dataSource
      .getRepository(ReminderDispatchEntity)
      .createQueryBuilder('dispatch')
      .where("dispatch.status = 'retry' AND dispatch.next_attempt_at <= :now AND dispatch.id > :afterId", { now, afterId })
      .orderBy('dispatch.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Marks a claimed reminder as being handed to the SMTP server, with the Message-ID it carries.
   * Called when the server requests the body: from here on it may be delivered, so a process that
   * dies now leaves a row that is never sent again. Throws when the row is no longer this sweep's.
   */
  async markSubmitting(id: number, messageId: string, now: Date): Promise<void> {
    const result = await this.dataSource
      .getRepository(ReminderDispatchEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'submitting', messageId: messageId.slice(0, 255), submittedAt: now })
      .where("id = :id AND status = 'sending'", { id })
      .execute();

    if (result.affected !== 1) {
      throw new Error(`Dispatch '${id}' is no longer claimed by this sweep; the message was not sent`);
    }
  }

  async markSent(id: number, messageId: string, recipientCount: number, sentAt: Date, recipientErrors: RecipientError[]): Promise<void> {
    await this.dataSource.getRepository(ReminderDispatchEntity).update(
      { id },
      {
        status: 'sent',
        reason: null,
        messageId: messageId.slice(0, 255),
        recipientCount,
        sentAt,
        lastError: null,
        nextAttemptAt: null,
        recipientErrors: recipientErrors.length > 0 ? recipientErrors : null,
      },
    );
  }

  /** Records a temporary failure; `countAttempt` is false when the server was not even tried. */
  async markRetry(id: number, error: string | null, nextAttemptAt: Date, reason: RetryReason | null, countAttempt = true): Promise<void> {
    await this.dataSource
      .getRepository(ReminderDispatchEntity)
      .createQueryBuilder()
      .update()
      .set({
        status: 'retry',
        reason,
        lastError: error?.slice(0, 2000) ?? null,
        nextAttemptAt,
        ...(countAttempt ? {} : { attempts: () => 'attempts - 1' }),
      })
      .where('id = :id', { id })
      .execute();
  }

  async markFailed(id: number, error: string, reason: FailureReason, recipientErrors: RecipientError[]): Promise<void> {
    await this.dataSource.getRepository(ReminderDispatchEntity).update(
      { id },
      {
        status: 'failed',
        reason,
        lastError: error.slice(0, 2000),
        nextAttemptAt: null,
        recipientErrors: recipientErrors.length > 0 ? recipientErrors : null,
      },
    );
  }

  /** Records that a claimed reminder could not have been delivered and its outcome is unknown. */
  async markUncertain(id: number, error: string | null, reason: RetryReason): Promise<void> {
    await this.dataSource
      .getRepository(ReminderDispatchEntity)
      .update({ id }, { status: 'uncertain', reason, lastError: error?.slice(0, 2000) ?? null, nextAttemptAt: null });
  }

  /** Ends a claimed reminder that no longer needs sending (paid, client excluded, …). */
  async markSkipped(id: number, reason: SkipReason, processedDay: PlainDate): Promise<void> {
    await this.dataSource
      .getRepository(ReminderDispatchEntity)
      .update({ id }, { status: 'skipped', reason, processedDay, nextAttemptAt: null });
  }

  /**
   * Recovers reminders left behind by a process that died. A row still sending since before
   * `staleBefore` never reached the SMTP server, so it becomes a retry due now. A row still
   * submitting may have been accepted, so it becomes uncertain and is never sent again.
   */
  async recoverInterrupted(now: Date, staleBefore: Date): Promise<{ retried: number; uncertain: number }> {
    const repository = this.dataSource.getRepository(ReminderDispatchEntity);
    const retried = await repository
      .createQueryBuilder()
      .update()
      .set({
        status: 'retry',
        reason: 'interrupted',
        nextAttemptAt: now,
        lastError: null,
      })
      .where("status = 'sending' AND claimed_at < :staleBefore", { staleBefore })
      .execute();
    const uncertain = await repository
      .createQueryBuilder()
      .update()
      .set({
        status: 'uncertain',
        reason: 'interrupted',
        lastError: null,
      })
      // Rows claimed before claimed_at existed cannot tell the two cases apart, so they count as submitting.
      .where("(status = 'submitting' AND submitted_at < :staleBefore) OR (status = 'sending' AND claimed_at IS NULL)", {
        staleBefore,
      })
      .execute();

    return { retried: retried.affected ?? 0, uncertain: uncertain.affected ?? 0 };
  }

  /** Returns one open, remindable installment of a company, or null when it is paid or gone. */
  async findOpenCandidate(companyId: number, installmentId: number): Promise<ReminderCandidate | null> {
    const row: Record<string, unknown> | undefined = await this.openCandidatesQuery(companyId)
      .andWhere('installment.id = :installmentId', { installmentId })
      .getRawOne();

    return row ? toCandidate(row) : null;
  }

  /** Records a skip, or refreshes a provisional one; never overwrites a sent or claimed row. */
  async recordSkip(key: DispatchKey, reason: SkipReason, existingId: number | null): Promise<void> {
    const repository = this.dataSource.getRepository(ReminderDispatchEntity);

    if (existingId !== null) {
      await repository
        .createQueryBuilder()
        .update()
        .set({ reason, processedDay: key.processedDay })
        .where('id = :id AND status = :status', { id: existingId, status: 'skipped' })
        .execute();

      return;
    }

    try {
      await repository.insert({ ...key, status: 'skipped', reason, attempts: 0 });
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
    }
  }

  /**
   * Takes on the scheduled sweep of `day` for this instance. Returns false when another instance
   * has claimed it, unless that claim is older than `staleBefore` (its instance died before finishing).
   */
  async claimScheduledSweep(day: PlainDate, instanceId: string, now: Date, staleBefore: Date): Promise<boolean> {
    const claims = this.dataSource.getRepository(ScheduledSweepClaimEntity);

    try {
      await claims.insert({ runDay: day, instanceId, claimedAt: now });

      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
    }

    const takenOver = await claims
      .createQueryBuilder()
      .update()
      .set({ instanceId, claimedAt: now })
      .where('run_day = :day AND claimed_at < :staleBefore', { day, staleBefore })
      .execute();

    return takenOver.affected === 1;
  }

  /** Gives up this instance's claim on a day's scheduled sweep, so the next start sweeps it again. */
  async releaseScheduledSweep(day: PlainDate, instanceId: string): Promise<void> {
    await this.dataSource.getRepository(ScheduledSweepClaimEntity).delete({ runDay: day, instanceId });
  }

  /** Returns the last day before `day` whose sweep completed, or null. */
  async lastCompletedDayBefore(day: PlainDate): Promise<PlainDate | null> {
    const row: { last: string | null } | undefined = await this.dataSource
      .getRepository(SweepRunEntity)
      .createQueryBuilder('run')
      .select('MAX(run.run_day)', 'last')
      .where('run.status = :status AND run.run_day < :day', { status: 'completed', day })
      .getRawOne();

    return row?.last ? String(row.last).slice(0, 10) : null;
  }

  async hasCompletedRun(day: PlainDate): Promise<boolean> {
    return this.dataSource.getRepository(SweepRunEntity).exists({ where: { runDay: day, status: 'completed' } });
  }

  async startRun(day: PlainDate, trigger: SweepRunEntity['trigger'], startedAt: Date): Promise<number> {
    const result = await this.dataSource
      .getRepository(SweepRunEntity)
      .insert({ runDay: day, trigger, status: 'running', startedAt, finishedAt: null, counts: null });

    return Number(result.identifiers[0]['id']);
  }

  async finishRun(id: number, status: Exclude<SweepRunStatus, 'running'>, finishedAt: Date, counts: Record<string, number>): Promise<void> {
    await this.dataSource.getRepository(SweepRunEntity).update({ id }, { status, finishedAt, counts });
  }
}

function toCandidate(row: Record<string, unknown>): ReminderCandidate {
  return {
    installmentId: Number(row['installment_id']),
    invoiceId: Number(row['invoice_id']),
    position: Number(row['position']),
    dueDate: String(row['due_date']),
    amountDue: toAmount(row['amount_due']),
    amountPaid: toAmount(row['amount_paid']),
    paymentMethod: String(row['payment_method']),
    iban: (row['iban'] as string | null) ?? null,
    invoiceNumber: String(row['invoice_number']),
    invoiceDate: String(row['invoice_date']),
    documentType: String(row['document_type']),
    currency: String(row['currency']),
    clientId: Number(row['client_id']),
    clientName: greetingName(row),
    clientEmails: parseEmails(row['client_emails']),
    clientLanguage: row['client_language'] === 'en' ? 'en' : 'it',
    clientRemindersDisabled: row['client_reminders_disabled'] === true || Number(row['client_reminders_disabled']) === 1,
  };
}

/** Returns the name a letter is addressed to: the company name, or "first name last name" for a person. */
function greetingName(row: Record<string, unknown>): string {
  const companyName = row['client_company_name'] as string | null;
  const personName = [row['client_first_name'], row['client_last_name']].filter(Boolean).join(' ');

  return companyName || personName || String(row['client_name']);
}

function toAmount(value: unknown): string {
  return normalizeAmount(typeof value === 'number' ? value.toFixed(2) : String(value));
}

function parseEmails(value: unknown): string[] {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;

    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string' && item.includes('@')) : [];
  } catch {
    return [];
  }
}
