import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFatturaPa } from '@solleciti/fatturapa';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

import { ConfigurationService } from '../../services/configuration/configuration.service';
import { CourtesyCopyInput, renderCourtesyCopy } from '../../services/courtesy-copy/courtesy-copy-renderer';
import { isUniqueViolation } from '../../services/database/unique-violation';
import { CourtesyCopyEntity } from './courtesy-copy.entity';
import { InstallmentEntity } from './installment.entity';
import { InvoiceEntity } from './invoice.entity';
import { SourceFileEntity } from './source-file.entity';

// Part of every version hash, so that a change to the layout renders every copy again.
const RENDERER_VERSION = '1';

/**
 * Returns the courtesy copy PDF of an invoice, rendering it only when the invoice changed since
 * the last rendering (a new due date, a payment, another language).
 */
@Injectable()
export class CourtesyCopyService {
  private readonly logger = new Logger(CourtesyCopyService.name);

  constructor(
    private readonly configurationService: ConfigurationService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async getPdf(companyId: number, invoiceId: number, language: 'it' | 'en'): Promise<Buffer> {
    const invoice = await this.dataSource.getRepository(InvoiceEntity).findOne({ where: { companyId, id: invoiceId } });
    if (!invoice) {
      throw new NotFoundException(`Invoice '${invoiceId}' not found`);
    }

    const installments = await this.dataSource
      .getRepository(InstallmentEntity)
      .find({ where: { invoiceId }, order: { position: 'ASC' } });
    const source = await this.dataSource
      .getRepository(SourceFileEntity)
      .findOne({ where: { id: invoice.sourceFileId }, select: { id: true, sha256: true } });
    const version = createHash('sha256')
      .update(
        JSON.stringify([
          RENDERER_VERSION,
          language,
          source?.sha256,
          invoice.bodyIndex,
          installments.map((item) => [item.position, item.dueDate, item.amountDue, item.amountPaid, item.paymentMethod, item.iban]),
        ]),
      )
      .digest('hex');

    const copies = this.dataSource.getRepository(CourtesyCopyEntity);
    const stored = await copies.findOne({ where: { invoiceId, version } });
    if (stored) {
      return Buffer.from(stored.content);
    }

    const started = performance.now();
    const content = await renderCourtesyCopy(await this.buildInput(invoice, installments, language));
    this.logger.log(
      `Courtesy copy of invoice '${invoiceId}' has been rendered in ${Math.round(performance.now() - started)} ms.`,
    );

    try {
      await copies.insert({ companyId, invoiceId, version, content });
    } catch (error) {
      // A concurrent sweep rendered the same version first; its copy is identical.
      if (!isUniqueViolation(error)) {
        throw error;
      }
    }

    return content;
  }

  private async buildInput(
    invoice: InvoiceEntity,
    installments: InstallmentEntity[],
    language: 'it' | 'en',
  ): Promise<CourtesyCopyInput> {
    const source = await this.dataSource
      .getRepository(SourceFileEntity)
      .createQueryBuilder('source')
      .addSelect('source.content')
      .where('source.id = :id', { id: invoice.sourceFileId })
      .getOneOrFail();
    const parsed = readFatturaPa(Buffer.from(source.content), {
      maxBytes: Math.max(this.configurationService.get('importMaxFileBytes'), source.content.length),
    });
    const body = parsed.invoices[invoice.bodyIndex];

    return {
      language,
      seller: parsed.seller,
      buyer: parsed.buyer,
      invoice: {
        documentType: body.documentType,
        number: body.number,
        date: body.date,
        currency: body.currency,
        causale: body.causale,
        lines: body.lines,
        vatSummary: body.vatSummary,
        totalAmount: body.totalAmount,
        computedTotal: body.computedTotal,
      },
      // The stored installments, not the file's: due dates and payments may have changed since.
      installments: installments.map((installment) => ({
        position: installment.position,
        dueDate: installment.dueDate,
        amount: installment.amountDue,
        amountPaid: installment.amountPaid,
        paymentMethod: installment.paymentMethod,
        iban: installment.iban,
      })),
    };
  }
}
