import {
  BadRequestException,
  DefaultValuePipe,
  Header,
  ParseEnumPipe,
  StreamableFile,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  ImportResponse,
  InstallmentCalendarResponse,
  InstallmentResponse,
  InvoiceDetailResponse,
  InvoiceSummaryResponse,
  ListInstallmentsQueryDto,
  ListInvoicesQueryDto,
  PageResponse,
  RegisterPaymentDto,
  UpdateInstallmentDto,
} from '@solleciti/dto';

import { CourtesyCopyService } from './courtesy-copy.service';
import { summarizeImport } from './import-summary';
import { ImportUploadFilter } from './import-upload.filter';
import { InstallmentsService } from './installments.service';
import { InvoiceImportService } from './invoice-import.service';
import { InvoicesService } from './invoices.service';

const MAX_FILES_PER_REQUEST = 500;

@ApiTags('invoices')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('companies/:companyId')
export class InvoicesController {
  constructor(
    private readonly courtesyCopyService: CourtesyCopyService,
    private readonly installmentsService: InstallmentsService,
    private readonly invoiceImportService: InvoiceImportService,
    private readonly invoicesService: InvoicesService,
  ) {}

  @Get('invoices')
  list(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Query() query: ListInvoicesQueryDto,
  ): Promise<PageResponse<InvoiceSummaryResponse>> {
    return this.invoicesService.list(companyId, query);
  }

  @Get('invoices/:id')
  findOne(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<InvoiceDetailResponse> {
    return this.invoicesService.findOne(companyId, id);
  }

  /** The courtesy copy (copia di cortesia) as a PDF, in Italian unless `language=en`. */
  @Get('invoices/:id/courtesy-copy')
  @Header('Content-Type', 'application/pdf')
  async courtesyCopy(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Param('id', ParseIntPipe) id: number,
    @Query('language', new DefaultValuePipe('it'), new ParseEnumPipe(['it', 'en'])) language: 'it' | 'en',
  ): Promise<StreamableFile> {
    const pdf = await this.courtesyCopyService.getPdf(companyId, id, language);

    return new StreamableFile(pdf, { disposition: `inline; filename="copia-di-cortesia-${id}.pdf"` });
  }

  @Post('invoices/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
    },
  })
  @UseFilters(ImportUploadFilter)
  @UseInterceptors(FilesInterceptor('files', MAX_FILES_PER_REQUEST))
  async import(
    @Param('companyId', ParseIntPipe) companyId: number,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
  ): Promise<ImportResponse> {
    if (!files || files.length === 0) {
      throw new BadRequestException('files is empty: send one or more FatturaPA files in the multipart field "files"');
    }

    const results = [];
    for (const file of files) {
      results.push(
        await this.invoiceImportService.importFile({ fileName: file.originalname, content: file.buffer, companyId }),
      );
    }

    return summarizeImport(results);
  }

  @Patch('installments/:id')
  updateInstallment(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateInstallmentDto,
  ): Promise<InstallmentResponse> {
    return this.invoicesService.updateInstallment(companyId, id, body);
  }

  /** Every installment due from `from` to `to` (at most 366 days), paid ones included, by due date. */
  @Get('installments')
  listInstallments(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Query() query: ListInstallmentsQueryDto,
  ): Promise<InstallmentCalendarResponse> {
    return this.installmentsService.listByDueDate(companyId, query.from, query.to);
  }

  /** Registers a payment (incasso): adds `amount` to the amount paid, at most the residual, and sets paidOn. */
  @Post('installments/:id/payments')
  @HttpCode(200)
  registerPayment(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: RegisterPaymentDto,
  ): Promise<InstallmentResponse> {
    return this.installmentsService.registerPayment(companyId, id, body);
  }
}
