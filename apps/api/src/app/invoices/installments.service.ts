import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  InstallmentCalendarItemResponse,
  InstallmentCalendarResponse,
  InstallmentResponse,
  RegisterPaymentDto,
} from '@solleciti/dto';
import { daysBetween, fromCents, PlainDate, toCents } from '@solleciti/util';
import { DataSource } from 'typeorm';

import { ClockService } from '../../services/clock/clock.service';
import { InstallmentEntity } from './installment.entity';
import { mapInstallment, residualOf, statusOf } from './invoice.mapper';

/** Maximum range of the installments calendar, both ends included: a leap year. */
export const MAX_INSTALLMENT_CALENDAR_DAYS = 366;

/** The installments calendar (by due date) and the registration of payments. */
@Injectable()
export class InstallmentsService {
  private readonly logger = new Logger(InstallmentsService.name);

  constructor(
    private readonly clockService: ClockService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Lists every installment of the company due from `from` to `to`, paid ones included. */
  async listByDueDate(companyId: number, from: PlainDate, to: PlainDate): Promise<InstallmentCalendarResponse> {
    if (to < from) {
      throw new BadRequestException(`to ${to} is before from ${from}; give a range whose end is on or after its start`);
    }
    const dayCount = daysBetween(from, to) + 1;
    if (dayCount > MAX_INSTALLMENT_CALENDAR_DAYS) {
      throw new BadRequestException(
        `The range from ${from} to ${to} covers ${dayCount} days, more than the maximum of ${MAX_INSTALLMENT_CALENDAR_DAYS}; ask for a shorter range`,
      );
    }

    // company_id and due_date lead the where clause so that idx_installments_company_due_date serves it.
    const installments = await this.dataSource
      .getRepository(InstallmentEntity)
      .createQueryBuilder('installment')
      .innerJoin('installment.invoice', 'invoice')
      .innerJoin('invoice.client', 'client')
      .select(['installment', 'invoice.id', 'invoice.number', 'invoice.clientId', 'client.id', 'client.displayName'])
      .where('installment.companyId = :companyId', { companyId })
      .andWhere('installment.dueDate BETWEEN :from AND :to', { from, to })
      .orderBy('installment.dueDate', 'ASC')
      .addOrderBy('installment.id', 'ASC')
      .getMany();
    const counts = await this.countByInvoice([...new Set(installments.map((installment) => installment.invoiceId))]);
    const today = this.clockService.today();

    return {
      from,
      to,
      items: installments.map((installment) => toCalendarItem(installment, counts.get(installment.invoiceId) ?? 1, today)),
    };
  }

  /**
   * Adds a payment to the amount paid and sets the payment date. The update applies only if the
   * amount paid is still the one checked, so two payments registered at once cannot overwrite
   * each other.
   */
  async registerPayment(companyId: number, id: number, dto: RegisterPaymentDto): Promise<InstallmentResponse> {
    const repository = this.dataSource.getRepository(InstallmentEntity);
    const installment = await repository.findOne({ where: { companyId, id } });
    if (!installment) {
      throw new NotFoundException(`Installment '${id}' not found`);
    }

    const amountCents = toCents(dto.amount);
    if (amountCents <= 0) {
      throw new BadRequestException(`amount must be greater than 0.00, got "${dto.amount}"`);
    }
    const residual = residualOf(installment);
    if (amountCents > toCents(residual)) {
      throw new BadRequestException(
        `amount ${fromCents(amountCents)} exceeds the residual ${residual} of installment '${id}'; enter at most the residual`,
      );
    }

    const amountPaid = fromCents(toCents(installment.amountPaid) + amountCents);
    const result = await repository
      .createQueryBuilder()
      .update()
      .set({ amountPaid, paidOn: dto.paidOn })
      .where('id = :id AND amount_paid = :previous', { id, previous: installment.amountPaid })
      .execute();
    if (result.affected !== 1) {
      throw new ConflictException(
        `Installment '${id}' was changed by another request while this payment was registered; reload it and register the payment again`,
      );
    }
    this.logger.log(`A payment of ${fromCents(amountCents)} has been registered on installment '${id}' of company '${companyId}'.`);

    const updated = await repository.findOneByOrFail({ id });
    const count = await repository.count({ where: { invoiceId: updated.invoiceId } });

    return mapInstallment(updated, count, this.clockService.today());
  }

  private async countByInvoice(invoiceIds: number[]): Promise<Map<number, number>> {
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
}

function toCalendarItem(installment: InstallmentEntity, count: number, today: PlainDate): InstallmentCalendarItemResponse {
  return {
    id: installment.id,
    invoiceId: installment.invoiceId,
    invoiceNumber: installment.invoice?.number ?? '',
    clientId: installment.invoice?.client?.id ?? 0,
    clientName: installment.invoice?.client?.displayName ?? '',
    position: installment.position,
    count,
    // The query selects due dates in the range only, so none is null.
    dueDate: installment.dueDate ?? '',
    amountDue: installment.amountDue,
    amountPaid: installment.amountPaid,
    residual: residualOf(installment),
    paidOn: installment.paidOn,
    status: statusOf(installment, today),
    noReminderReason: installment.noReminderReason,
  };
}
