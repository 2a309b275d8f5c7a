import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { memoryStorage } from 'multer';

import { ConfigurationService } from '../../services/configuration/configuration.service';
import { ClientsModule } from '../clients/clients.module';
import { CompaniesModule } from '../companies/companies.module';
import { CourtesyCopyEntity } from './courtesy-copy.entity';
import { CourtesyCopyService } from './courtesy-copy.service';
import { InstallmentEntity } from './installment.entity';
import { InstallmentsService } from './installments.service';
import { InvoiceImportService } from './invoice-import.service';
import { InvoiceEntity } from './invoice.entity';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { SourceFileEntity } from './source-file.entity';

@Module({
  imports: [
    ClientsModule,
    CompaniesModule,
    TypeOrmModule.forFeature([CourtesyCopyEntity, InstallmentEntity, InvoiceEntity, SourceFileEntity]),
    MulterModule.registerAsync({
      inject: [ConfigurationService],
      // Files are read in memory and rejected by multer past the size limit, before any parsing.
      useFactory: (configurationService: ConfigurationService) => ({
        storage: memoryStorage(),
        // Busboy would otherwise cut "../x.xml" to "x.xml" silently, and the import rejects such names instead.
        preservePath: true,
        limits: { fileSize: configurationService.get('importMaxFileBytes'), files: 500 },
      }),
    }),
  ],
  controllers: [InvoicesController],
  providers: [CourtesyCopyService, InstallmentsService, InvoiceImportService, InvoicesService],
  exports: [CourtesyCopyService, InvoiceImportService, InvoicesService],
})
export class InvoicesModule {}
