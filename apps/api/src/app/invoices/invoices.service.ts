import { BadRequestException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  InstallmentResponse,
  InvoiceDetailResponse,
  InvoiceSummaryResponse,
  ListInvoicesQueryDto,
  PageResponse,
  UpdateInstallmentDto,
} from '@solleciti/dto';
import { ParsedInvoice, readFatturaPa } from '@solleciti/fatturapa';
import { fromCents, noReminderReason, toCents } from '@solleciti/util';
import { DataSource, In } from 'typeorm';

import { ClockService } from '../../services/clock/clock.service';
import { containsPattern } from '../../services/database/like-pattern';
import { InstallmentEntity } from './installment.entity';
import { mapInstallment, residualOf } from './invoice.mapper';
import { InvoiceEntity } from './invoice.entity';
import { SourceFileEntity } from './source-file.entity';

@Injectable()
export class InvoicesService {
  private readonly logger = new Logger(InvoicesService.name);

  constructor(
    private readonly clockService: ClockService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(companyId: number, query: ListInvoicesQueryDto): Promise<PageResponse<InvoiceSummaryResponse>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.dataSource
      .getRepository(InvoiceEntity)
      .createQueryBuilder('invoice')
      .leftJoinAndSelect('invoice.client', 'client')
      .leftJoinAndSelect('invoice.sourceFile', 'sourceFile')
      .where('invoice.companyId = :companyId', { companyId });

    if (query.clientId !== undefined) {
      builder.andWhere('invoice.clientId = :clientId', { clientId: query.clientId });
    }
    if (query.search) {
      const pattern = containsPattern(query.search);
      builder.andWhere("(invoice.number LIKE :pattern ESCAPE '!' OR client.displayName LIKE :pattern ESCAPE '!')", { pattern });
    }

    const [invoices, total] = await builder
      .orderBy('invoice.date', 'DESC')
      .addOrderBy('invoice.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const installments = await this.installmentsOf(invoices.map((invoice) => invoice.id));

    return {
      items: invoices.map((invoice) => this.summarize(invoice, installments.get(invoice.id) ?? [])),
      total,
      page,
      pageSize,
    };
  }

  async findOne(companyId: number, id: number): Promise<InvoiceDetailResponse> {
    const invoice = await this.dataSource
      .getRepository(InvoiceEntity)
      .findOne({ where: { companyId, id }, relations: { client: true, sourceFile: true } });
    if (!invoice) {
      throw new NotFoundException(`Invoice '${id}' not found`);
    }

    const installments = (await this.installmentsOf([id])).get(id) ?? [];
    const today = this.clockService.today();
    const body = await this.readBody(invoice);

    return {
      ...this.summarize(invoice, installments),
      installments: installments.map((installment) => mapInstallment(installment, installments.length, today)),
      lines: body.lines.map((line) => ({
        lineNumber: line.lineNumber,
        description: line.description,
        quantity: line.quantity,
        unitOfMeasure: line.unitOfMeasure,
        unitPrice: line.unitPrice,
        totalPrice: line.totalPrice,
        vatRate: line.vatRate,
        nature: line.nature,
      })),
      vatSummary: body.vatSummary.map((row) => ({
        vatRate: row.vatRate,
        nature: row.nature,
        taxableAmount: row.taxableAmount,
        tax: row.tax,
      })),
      causale: body.causale,
    };
  }

  /** Reads the invoice's body back from the stored file, for the lines and the VAT summary. */
  private async readBody(invoice: InvoiceEntity): Promise<ParsedInvoice> {
    const source = await this.dataSource
      .getRepository(SourceFileEntity)
      .createQueryBuilder('source')
      .addSelect('source.content')
      .where('source.id = :id', { id: invoice.sourceFileId })
      .getOneOrFail();
    const parsed = readFatturaPa(Buffer.from(source.content), { maxBytes: source.content.length + 1 });

    return parsed.invoices[invoice.bodyIndex];
  }

  /**
   * Changes an installment's due date or payment. The reminders not sent yet follow the new due
   * date at the next sweep, because the sweep reads the installment as it is then.
   */
  async updateInstallment(companyId: number, id: number, dto: UpdateInstallmentDto): Promise<InstallmentResponse> {
    const repository = this.dataSource.getRepository(InstallmentEntity);
    const installment = await repository.findOne({ where: { companyId, id }, relations: { invoice: true } });
    if (!installment || !installment.invoice) {
      throw new NotFoundException(`Installment '${id}' not found`);
    }

    if (dto.dueDate !== undefined) {
      installment.dueDate = dto.dueDate;
    }
    if (dto.amountPaid !== undefined) {
      if (toCents(dto.amountPaid) > toCents(installment.amountDue)) {
        throw new BadRequestException(
          `amountPaid ${dto.amountPaid} exceeds the amount due ${installment.amountDue}; enter at most the amount due`,
        );
      }
      installment.amountPaid = fromCents(toCents(dto.amountPaid));
      if (dto.paidOn === undefined && toCents(dto.amountPaid) > 0 && installment.paidOn === null) {
        installment.paidOn = this.clockService.today();
      }
    }
    if (dto.paidOn !== undefined) {
      installment.paidOn = dto.paidOn;
    }
    installment.noReminderReason = noReminderReason(
      installment.invoice.documentType,
      installment.dueDate,
      toCents(installment.amountDue),
    );

    const { invoice, ...columns } = installment;
    await repository.save(columns);
    this.logger.log(`Installment '${id}' of company '${companyId}' has been updated.`);

    const count = await repository.count({ where: { invoiceId: invoice.id } });

    return mapInstallment(installment, count, this.clockService.today());
  }

  private async installmentsOf(invoiceIds: number[]): Promise<Map<number, InstallmentEntity[]>> {
    const byInvoice = new Map<number, InstallmentEntity[]>();
    if (invoiceIds.length === 0) {
      return byInvoice;
    }

    const installments = await this.dataSource
      .getRepository(InstallmentEntity)
      .find({ where: { invoiceId: In(invoiceIds) }, order: { invoiceId: 'ASC', position: 'ASC' } });
    for (const installment of installments) {
      byInvoice.set(installment.invoiceId, [...(byInvoice.get(installment.invoiceId) ?? []), installment]);
    }

    return byInvoice;
  }

  private summarize(invoice: InvoiceEntity, installments: InstallmentEntity[]): InvoiceSummaryResponse {
    return {
      id: invoice.id,
      companyId: invoice.companyId,
      clientId: invoice.clientId,
      clientName: invoice.client?.displayName ?? '',
      documentType: invoice.documentType,
      number: invoice.number,
      date: invoice.date,
      currency: invoice.currency,
      totalAmount: invoice.totalAmount,
      residual: fromCents(installments.reduce((sum, installment) => sum + toCents(residualOf(installment)), 0)),
      sourceFileName: invoice.sourceFile?.fileName ?? '',
    };
  }
}
