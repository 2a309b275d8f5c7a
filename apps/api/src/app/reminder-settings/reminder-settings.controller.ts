import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  ClientResponse,
  ExcludeClientsDto,
  ListClientsQueryDto,
  PageResponse,
  ReminderSettingsResponse,
  UpdateReminderSettingsDto,
} from '@solleciti/dto';

import { mapClient } from '../clients/client.mapper';
import { ClientsService } from '../clients/clients.service';
import { mapReminderSettings, ReminderSettingsService } from './reminder-settings.service';

@ApiTags('reminder-settings')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('companies/:companyId/reminder-settings')
export class ReminderSettingsController {
  constructor(
    private readonly clientsService: ClientsService,
    private readonly reminderSettingsService: ReminderSettingsService,
  ) {}

  @Get()
  async get(@Param('companyId', ParseIntPipe) companyId: number): Promise<ReminderSettingsResponse> {
    return mapReminderSettings(await this.reminderSettingsService.get(companyId));
  }

  @Put()
  async update(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Body() body: UpdateReminderSettingsDto,
  ): Promise<ReminderSettingsResponse> {
    return mapReminderSettings(await this.reminderSettingsService.update(companyId, body));
  }

  /** The excluded clients are the clients whose remindersDisabled flag is set: one fact, two views. */
  @Get('excluded-clients')
  async listExcluded(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Query() query: ListClientsQueryDto,
  ): Promise<PageResponse<ClientResponse>> {
    const page = await this.clientsService.list(companyId, { ...query, remindersDisabled: true });

    return { ...page, items: page.items.map(mapClient) };
  }

  @Post('excluded-clients')
  @HttpCode(204)
  exclude(@Param('companyId', ParseIntPipe) companyId: number, @Body() body: ExcludeClientsDto): Promise<void> {
    return this.clientsService.setRemindersDisabled(companyId, body.clientIds, true);
  }

  @Delete('excluded-clients/:clientId')
  @HttpCode(204)
  include(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Param('clientId', ParseIntPipe) clientId: number,
  ): Promise<void> {
    return this.clientsService.setRemindersDisabled(companyId, [clientId], false);
  }
}
