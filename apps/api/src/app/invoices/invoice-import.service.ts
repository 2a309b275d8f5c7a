import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImportFileResult, ImportRejectionReason } from '@solleciti/dto';
import { FatturaPaError, ParsedFatturaPa, readFatturaPa } from '@solleciti/fatturapa';
import { noReminderReason, toCents } from '@solleciti/util';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

import { ConfigurationService } from '../../services/configuration/configuration.service';
import { isUniqueViolation } from '../../services/database/unique-violation';
import { ClientsService } from '../clients/clients.service';
import { CompaniesService } from '../companies/companies.service';
import { CompanyEntity } from '../companies/company.entity';
import { findOverlongValue } from './import-column-limits';
import { describeInvalidFileName, sanitizeFileName } from './import-file-name';
import { InstallmentEntity } from './installment.entity';
import { InvoiceEntity } from './invoice.entity';
import { SourceFileEntity } from './source-file.entity';

export interface ImportRequest {
  fileName: string;
  content: Buffer;
  /** REST imports go to one company; the seller must be that company. */
  companyId?: number;
  /** CLI only: create the seller's company when it does not exist yet. */
  createCompanies?: boolean;
}

class RejectedFile extends Error {
  constructor(
    message: string,
    readonly reason: ImportRejectionReason,
    readonly element: string | null = null,
  ) {
    super(message);
  }

  get status(): 'rejected' | 'conflict' {
    return this.reason === 'conflict' ? 'conflict' : 'rejected';
  }
}

/**
 * Stores FatturaPA files: one file either goes in whole (its source, client and every body with
 * its installments) or leaves nothing behind.
 */
@Injectable()
export class InvoiceImportService {
  private readonly logger = new Logger(InvoiceImportService.name);

  constructor(
    private readonly clientsService: ClientsService,
    private readonly companiesService: CompaniesService,
    private readonly configurationService: ConfigurationService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async importFile(request: ImportRequest): Promise<ImportFileResult> {
    const fileName = sanitizeFileName(request.fileName);

    try {
      return await this.importOrThrow(fileName, request);
    } catch (error) {
      if (error instanceof RejectedFile) {
        this.logger.warn(`File '${fileName}' was ${error.status === 'conflict' ? 'in conflict' : 'rejected'}.`);

        return {
          fileName,
          status: error.status,
          invoices: [],
          companyId: request.companyId ?? null,
          message: error.message,
          reason: error.reason,
          element: error.element,
        };
      }
      if (error instanceof FatturaPaError) {
        this.logger.warn(`File '${fileName}' was rejected (${error.code}).`);

        return {
          fileName,
          status: 'rejected',
          invoices: [],
          companyId: request.companyId ?? null,
          message: error.message,
          reason: error.code,
          element: error.element,
        };
      }

      throw error;
    }
  }

  /** Returns the result for a file over IMPORT_MAX_FILE_BYTES, for callers that check the size before reading. */
  rejectTooLarge(fileName: string, sizeBytes: number): ImportFileResult {
    return {
      fileName: sanitizeFileName(fileName),
      status: 'rejected',
      invoices: [],
      companyId: null,
      message: tooLargeMessage(sizeBytes, this.configurationService.get('importMaxFileBytes')),
      reason: 'file-too-large',
      element: null,
    };
  }

  private async importOrThrow(fileName: string, request: ImportRequest): Promise<ImportFileResult> {
    const invalidName = describeInvalidFileName(request.fileName);
    if (invalidName !== null) {
      throw new RejectedFile(invalidName, 'invalid-file-name');
    }

    const maxBytes = this.configurationService.get('importMaxFileBytes');
    if (request.content.length > maxBytes) {
      throw new RejectedFile(tooLargeMessage(request.content.length, maxBytes), 'file-too-large');
    }

    const parsed = readFatturaPa(request.content, { maxBytes });
    const overlong = findOverlongValue(parsed, Boolean(request.createCompanies));
    if (overlong) {
      throw new RejectedFile(
        `${overlong.element} is ${overlong.length} characters long, more than the ${overlong.maxLength} that can be stored; correct the invoice in the program that wrote it and import it again`,
        'invalid-value',
        overlong.element,
      );
    }

    const company = await this.resolveCompany(parsed, request);
    const sha256 = createHash('sha256').update(request.content).digest('hex');

    const alreadyImported = await this.findAlreadyImported(company.id, sha256);
    if (alreadyImported) {
      return alreadyImported.withName(fileName);
    }

    await this.assertNoConflict(company.id, parsed, fileName);

    try {
      const invoices = await this.dataSource.transaction((manager) =>
        this.store(manager, company.id, parsed, fileName, sha256, request.content),
      );
      this.logger.log(`File '${fileName}' has been imported into company '${company.id}' with ${invoices.length} invoice(s).`);

      return {
        fileName,
        status: 'imported',
        invoices,
        companyId: company.id,
        message: `Imported ${invoices.length} invoice(s)`,
        reason: null,
        element: null,
      };
    } catch (error) {
      // Another import of the same file or document committed between the checks and the insert.
      if (isUniqueViolation(error)) {
        const concurrent = await this.findAlreadyImported(company.id, sha256);
        if (concurrent) {
          return concurrent.withName(fileName);
        }
        await this.assertNoConflict(company.id, parsed, fileName);
      }

      throw error;
    }
  }

  private async resolveCompany(parsed: ParsedFatturaPa, request: ImportRequest): Promise<CompanyEntity> {
    const vat = parsed.seller.vatNumber;
    if (!vat) {
      throw new RejectedFile(
        'The seller has no VAT number (CedentePrestatore/DatiAnagrafici/IdFiscaleIVA is missing)',
        'missing-element',
        'FatturaElettronicaHeader/CedentePrestatore/DatiAnagrafici/IdFiscaleIVA',
      );
    }
    const vatNumber = `${vat.country}${vat.code}`;

    if (request.companyId !== undefined) {
      const company = await this.companiesService.findOne(request.companyId);
      if (company.vatCountry !== vat.country || company.vatCode !== vat.code) {
        throw new RejectedFile(
          `The seller's VAT number ${vatNumber} is not the VAT number of company '${company.id}' (${company.vatCountry}${company.vatCode}); import the file into the seller's company`,
          'seller-mismatch',
          'FatturaElettronicaHeader/CedentePrestatore/DatiAnagrafici/IdFiscaleIVA',
        );
      }

      return company;
    }

    const existing = await this.companiesService.findByVatNumber(vat.country, vat.code);
    if (existing) {
      return existing;
    }
    if (!request.createCompanies) {
      throw new RejectedFile(`no company with VAT number ${vatNumber}; create it or pass --create-companies`, 'no-company');
    }

    try {
      return await this.companiesService.createFromSeller(parsed.seller);
    } catch (error) {
      // A parallel import created the same company first.
      const created = isUniqueViolation(error) ? await this.companiesService.findByVatNumber(vat.country, vat.code) : null;
      if (created) {
        return created;
      }

      throw error;
    }
  }

  private async findAlreadyImported(companyId: number, sha256: string) {
    const source = await this.dataSource.getRepository(SourceFileEntity).findOne({ where: { companyId, sha256 } });
    if (!source) {
      return null;
    }

    const invoices = await this.dataSource
      .getRepository(InvoiceEntity)
      .find({ where: { companyId, sourceFileId: source.id }, order: { bodyIndex: 'ASC' } });

    return {
      withName: (fileName: string): ImportFileResult => ({
        fileName,
        status: 'already-imported',
        invoices: invoices.map(summarize),
        companyId,
        message:
          source.fileName === fileName
            ? 'Already imported'
            : `Already imported (the same content was imported as '${source.fileName}')`,
        reason: null,
        element: null,
      }),
    };
  }

  private async assertNoConflict(companyId: number, parsed: ParsedFatturaPa, fileName: string): Promise<void> {
    const seen = new Set<string>();

    for (const invoice of parsed.invoices) {
      const year = Number(invoice.date.slice(0, 4));
      const key = `${invoice.documentType}/${invoice.number}/${year}`;
      if (seen.has(key)) {
        throw new RejectedFile(
          `The file contains ${invoice.documentType} number ${invoice.number} of ${year} twice`,
          'duplicate-in-file',
          `FatturaElettronicaBody[${invoice.bodyIndex + 1}]/DatiGenerali/DatiGeneraliDocumento/Numero`,
        );
      }
      seen.add(key);

      const existing = await this.dataSource.getRepository(InvoiceEntity).findOne({
        where: { companyId, documentType: invoice.documentType, number: invoice.number, year },
        relations: { sourceFile: true },
      });
      if (existing) {
        throw new RejectedFile(
          `Conflict: ${invoice.documentType} number ${invoice.number} of ${year} was already imported from '${existing.sourceFile?.fileName}', and '${fileName}' has different content, so no invoice of this file was imported; delete one of the two or correct the number`,
          'conflict',
          `FatturaElettronicaBody[${invoice.bodyIndex + 1}]/DatiGenerali/DatiGeneraliDocumento/Numero`,
        );
      }
    }
  }

  private async store(
    manager: EntityManager,
    companyId: number,
    parsed: ParsedFatturaPa,
    fileName: string,
    sha256: string,
    content: Buffer,
  ): Promise<ImportFileResult['invoices']> {
    const source = await manager.getRepository(SourceFileEntity).save({
      companyId,
      fileName,
      sha256,
      sizeBytes: content.length,
      content,
    });

    const recipientCode = parsed.transmission.recipientCode;
    const client = await this.clientsService.findOrCreateForImport(manager, companyId, parsed.buyer, {
      publicAdministration: parsed.format.startsWith('FPA') || (recipientCode?.length ?? 0) === 6,
      recipientCode,
      pec: parsed.transmission.recipientPec,
    });

    const stored: ImportFileResult['invoices'] = [];
    for (const parsedInvoice of parsed.invoices) {
      const invoice = await manager.getRepository(InvoiceEntity).save({
        companyId,
        clientId: client.id,
        sourceFileId: source.id,
        bodyIndex: parsedInvoice.bodyIndex,
        documentType: parsedInvoice.documentType,
        number: parsedInvoice.number,
        year: Number(parsedInvoice.date.slice(0, 4)),
        date: parsedInvoice.date,
        currency: parsedInvoice.currency,
        totalAmount: parsedInvoice.totalAmount ?? parsedInvoice.computedTotal,
      });

      const installments = parsedInvoice.installments.map((installment) =>
        manager.getRepository(InstallmentEntity).create({
          companyId,
          invoiceId: invoice.id,
          position: installment.position,
          dueDate: installment.dueDate,
          amountDue: installment.amount,
          amountPaid: '0.00',
          paidOn: null,
          paymentMethod: installment.paymentMethod,
          paymentTerms: installment.paymentTerms,
          iban: installment.iban,
          noReminderReason: noReminderReason(parsedInvoice.documentType, installment.dueDate, toCents(installment.amount)),
        }),
      );
      if (installments.length > 0) {
        await manager.getRepository(InstallmentEntity).insert(installments);
      }

      stored.push(summarize(invoice));
    }

    return stored;
  }
}

function tooLargeMessage(sizeBytes: number, maxBytes: number): string {
  return `File is ${sizeBytes} bytes, over the limit of ${maxBytes} bytes; raise IMPORT_MAX_FILE_BYTES to accept larger files`;
}

function summarize(invoice: InvoiceEntity) {
  return { id: invoice.id, documentType: invoice.documentType, number: invoice.number, date: invoice.date };
}
