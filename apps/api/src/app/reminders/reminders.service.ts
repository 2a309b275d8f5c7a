import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ListRemindersQueryDto,
  PageResponse,
  RecipientErrorResponse,
  ReminderAttentionResponse,
  ReminderDispatchResponse,
} from '@solleciti/dto';
import { addDays } from '@solleciti/util';
import { DataSource } from 'typeorm';

import { ClockService } from '../../services/clock/clock.service';
import { ReminderDispatchEntity } from './reminder-dispatch.entity';

// Failures older than this no longer count on the front page; the history still lists them.
const ATTENTION_DAYS = 30;

@Injectable()
export class RemindersService {
  constructor(
    private readonly clockService: ClockService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Counts the reminders that need a person's attention, for the admin's front page. */
  async attention(companyId: number): Promise<ReminderAttentionResponse> {
    const since = addDays(this.clockService.today(), -ATTENTION_DAYS);
    const rows: Array<{ status: string; partly: unknown; total: unknown }> = await this.dataSource
      .getRepository(ReminderDispatchEntity)
      .createQueryBuilder('dispatch')
      .select('dispatch.status', 'status')
      .addSelect("CASE WHEN dispatch.recipient_errors IS NULL THEN 0 ELSE 1 END", 'partly')
      .addSelect('COUNT(*)', 'total')
      .where('dispatch.company_id = :companyId', { companyId })
      .andWhere("(dispatch.status IN ('retry', 'uncertain') OR dispatch.processed_day >= :since)", { since })
      .andWhere("dispatch.status IN ('failed', 'retry', 'uncertain', 'sent')")
      .groupBy('dispatch.status')
      .addGroupBy('partly')
      .getRawMany();
    const count = (status: string, partly?: boolean) =>
      rows
        .filter((row) => row.status === status && (partly === undefined || (Number(row.partly) === 1) === partly))
        .reduce((total, row) => total + Number(row.total), 0);

    return {
      failed: count('failed'),
      partlyRefused: count('sent', true),
      retrying: count('retry'),
      uncertain: count('uncertain'),
    };
  }

  async list(companyId: number, query: ListRemindersQueryDto): Promise<PageResponse<ReminderDispatchResponse>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.dataSource
      .getRepository(ReminderDispatchEntity)
      .createQueryBuilder('dispatch')
      .innerJoin('clients', 'client', 'client.id = dispatch.client_id')
      .innerJoin('invoices', 'invoice', 'invoice.id = dispatch.invoice_id')
      .innerJoin('installments', 'installment', 'installment.id = dispatch.installment_id')
      .where('dispatch.company_id = :companyId', { companyId });

    if (query.status) {
      builder.andWhere('dispatch.status = :status', { status: query.status });
    }
    if (query.rejectedRecipients === 'true') {
      builder.andWhere('dispatch.recipient_errors IS NOT NULL');
    }
    if (query.from) {
      builder.andWhere('dispatch.processed_day >= :from', { from: query.from });
    }
    if (query.to) {
      builder.andWhere('dispatch.processed_day <= :to', { to: query.to });
    }
    if (query.clientId !== undefined) {
      builder.andWhere('dispatch.client_id = :clientId', { clientId: query.clientId });
    }

    const total = await builder.getCount();
    const rows: Array<Record<string, unknown>> = await builder
      .select([
        'dispatch.id AS id',
        'dispatch.client_id AS client_id',
        'client.display_name AS client_name',
        'dispatch.invoice_id AS invoice_id',
        'invoice.number AS invoice_number',
        'dispatch.installment_id AS installment_id',
        'installment.position AS installment_position',
        'dispatch.level AS level',
        'dispatch.due_date AS due_date',
        'dispatch.send_day AS send_day',
        'dispatch.processed_day AS processed_day',
        'dispatch.status AS status',
        'dispatch.reason AS reason',
        'dispatch.recipient_count AS recipient_count',
        'dispatch.attempts AS attempts',
        'dispatch.last_error AS last_error',
        'dispatch.sent_at AS sent_at',
        'dispatch.next_attempt_at AS next_attempt_at',
        'dispatch.message_id AS message_id',
        'dispatch.recipient_errors AS recipient_errors',
      ])
      .orderBy('dispatch.processed_day', 'DESC')
      .addOrderBy('dispatch.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany();

    return {
      items: rows.map((row) => ({
        id: Number(row['id']),
        companyId,
        clientId: Number(row['client_id']),
        clientName: String(row['client_name']),
        invoiceId: Number(row['invoice_id']),
        invoiceNumber: String(row['invoice_number']),
        installmentId: Number(row['installment_id']),
        installmentPosition: Number(row['installment_position']),
        level: Number(row['level']),
        dueDate: String(row['due_date']),
        sendDay: String(row['send_day']),
        processedDay: String(row['processed_day']),
        status: row['status'] as ReminderDispatchResponse['status'],
        reason: (row['reason'] as string | null) ?? null,
        recipientCount: Number(row['recipient_count']),
        attempts: Number(row['attempts']),
        lastError: (row['last_error'] as string | null) ?? null,
        sentAt: toIsoTimestamp(row['sent_at']),
        nextAttemptAt: toIsoTimestamp(row['next_attempt_at']),
        messageId: (row['message_id'] as string | null) ?? null,
        recipientErrors: parseRecipientErrors(row['recipient_errors']),
      })),
      total,
      page,
      pageSize,
    };
  }
}

/** Reads a raw DATETIME column as an ISO instant; both drivers store UTC without a zone. */
function toIsoTimestamp(value: unknown): string | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }

  const text = String(value);

  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`).toISOString();
}

function parseRecipientErrors(value: unknown): RecipientErrorResponse[] {
  if (typeof value !== 'string' || value === '') {
    return [];
  }

  try {
    const parsed: unknown = JSON.parse(value);

    return Array.isArray(parsed) ? (parsed as RecipientErrorResponse[]) : [];
  } catch {
    return [];
  }
}
