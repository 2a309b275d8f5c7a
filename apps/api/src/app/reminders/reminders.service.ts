import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListRemindersQueryDto, PageResponse, ReminderDispatchResponse } from '@solleciti/dto';
import { DataSource } from 'typeorm';

import { ReminderDispatchEntity } from './reminder-dispatch.entity';

@Injectable()
export class RemindersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
        sentAt: row['sent_at'] ? new Date(String(row['sent_at'])).toISOString() : null,
      })),
      total,
      page,
      pageSize,
    };
  }
}
