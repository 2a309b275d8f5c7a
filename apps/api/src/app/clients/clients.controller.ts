import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ClientResponse, CreateClientDto, ListClientsQueryDto, PageResponse, UpdateClientDto } from '@solleciti/dto';

import { mapClient } from './client.mapper';
import { ClientsService } from './clients.service';

@ApiTags('clients')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('companies/:companyId/clients')
export class ClientsController {
  constructor(private readonly clientsService: ClientsService) {}

  @Get()
  async list(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Query() query: ListClientsQueryDto,
  ): Promise<PageResponse<ClientResponse>> {
    const page = await this.clientsService.list(companyId, query);

    return { ...page, items: page.items.map(mapClient) };
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
