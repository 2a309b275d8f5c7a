import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MailSettingsResponse, UpdateMailSettingsDto } from '@solleciti/dto';

import { MailSettingsService } from './mail-settings.service';

@ApiTags('mail-settings')
@ApiBearerAuth()
@Controller('companies/:companyId/mail-settings')
export class MailSettingsController {
  constructor(private readonly mailSettingsService: MailSettingsService) {}

  @Get()
  get(@Param('companyId', ParseIntPipe) companyId: number): Promise<MailSettingsResponse> {
    return this.mailSettingsService.get(companyId);
  }

  @Put()
  update(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Body() body: UpdateMailSettingsDto,
  ): Promise<MailSettingsResponse> {
    return this.mailSettingsService.update(companyId, body);
  }

  @Delete()
  @HttpCode(204)
  remove(@Param('companyId', ParseIntPipe) companyId: number): Promise<void> {
    return this.mailSettingsService.remove(companyId);
  }
}
