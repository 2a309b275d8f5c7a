import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  ClientResponse,
  CreateClientDto,
  ExportClientsQueryDto,
  ListClientsQueryDto,
  PageResponse,
  UpdateClientDto,
} from '@solleciti/dto';
import { CSV_BYTE_ORDER_MARK, formatCsvRow } from '@solleciti/util';
import { Readable } from 'node:stream';

import { ClockService } from '../../services/clock/clock.service';

import { mapClient } from './client.mapper';
import { CLIENT_CSV_HEADER, formatClientCsvRow } from './clients-csv';
import { ClientsService } from './clients.service';

@ApiTags('clients')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('companies/:companyId/clients')
export class ClientsController {
  constructor(
    private readonly clientsService: ClientsService,
    private readonly clockService: ClockService,
  ) {}

  @Get()
  async list(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Query() query: ListClientsQueryDto,
  ): Promise<PageResponse<ClientResponse>> {
    const page = await this.clientsService.list(companyId, query);

    return { ...page, items: page.items.map(mapClient) };
  }

  /**
   * Streams the client list as CSV for Excel: Italian headers, ";" separator, UTF-8 with a byte
   * order mark, sorted by name, filtered by `search` as the list is. The route is declared before
   * ":id" so that "export.csv" is not read as an id.
   */
  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  exportCsv(@Param('companyId', ParseIntPipe) companyId: number, @Query() query: ExportClientsQueryDto): StreamableFile {
    const batches = this.clientsService.listForExport(companyId, query.search);
    const lines = async function* () {
      yield CSV_BYTE_ORDER_MARK + formatCsvRow(CLIENT_CSV_HEADER);
      for await (const batch of batches) {
        yield batch.map(formatClientCsvRow).join('');
      }
    };

    return new StreamableFile(Readable.from(lines()), {
      disposition: `attachment; filename="clienti-${this.clockService.today()}.csv"`,
    });
  }

  @Post()
  async create(@Param('companyId', ParseIntPipe) companyId: number, @Body() body: CreateClientDto): Promise<ClientResponse> {
    return mapClient(await this.clientsService.create(companyId, body));
  }

  @Get(':id')
  async findOne(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ClientResponse> {
    return mapClient(await this.clientsService.findOne(companyId, id));
  }

  @Patch(':id')
  async update(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateClientDto,
  ): Promise<ClientResponse> {
    return mapClient(await this.clientsService.update(companyId, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('companyId', ParseIntPipe) companyId: number, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.clientsService.remove(companyId, id);
  }
}
