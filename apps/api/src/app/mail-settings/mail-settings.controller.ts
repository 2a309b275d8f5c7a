import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { MailSettingsResponse, SendTestMailDto, TestMailResponse, UpdateMailSettingsDto } from '@solleciti/dto';

import { MailSettingsService } from './mail-settings.service';

@ApiTags('mail-settings')
@ApiBearerAuth()
@ApiSecurity('api-key')
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

  /**
   * Sends a short Italian test e-mail to `to` through the given unsaved SMTP settings, or through
   * the saved ones. Unsaved settings without a password use the stored password. A failed send
   * also gets 200, with ok false, the error code and the server's reply.
   */
  @Post('test')
  @HttpCode(200)
  sendTest(@Param('companyId', ParseIntPipe) companyId: number, @Body() body: SendTestMailDto): Promise<TestMailResponse> {
    return this.mailSettingsService.sendTest(companyId, body);
  }
}
