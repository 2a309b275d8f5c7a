import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  MailTemplatePreviewResponse,
  MailTemplateResponse,
  PreviewMailTemplateDto,
  ReminderPlaceholderResponse,
  UpdateMailTemplateDto,
} from '@solleciti/dto';

import { MailTemplatesService } from './mail-templates.service';

@ApiTags('mail-templates')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('companies/:companyId/mail-templates')
export class MailTemplatesController {
  constructor(private readonly mailTemplatesService: MailTemplatesService) {}

  /** Returns the six reminder texts (levels 1 to 3, in Italian and English), the company's own or the default. */
  @Get()
  list(@Param('companyId', ParseIntPipe) companyId: number): Promise<MailTemplateResponse[]> {
    return this.mailTemplatesService.list(companyId);
  }

  /** Returns the placeholders a template may use, with a description in Italian and English. */
  @Get('placeholders')
  placeholders(): ReminderPlaceholderResponse[] {
    return this.mailTemplatesService.placeholders();
  }

  /**
   * Renders an unsaved template with the company's earliest open installment, or with sample data
   * when there is none. A template with problems gets 400 with the list of problems.
   */
  @Post('preview')
  @HttpCode(200)
  preview(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Body() body: PreviewMailTemplateDto,
  ): Promise<MailTemplatePreviewResponse> {
    return this.mailTemplatesService.preview(companyId, body);
  }

  /** Saves the company's text for a level (1 to 3) and language (it, en). A 400 lists the template's problems. */
  @Put(':level/:language')
  update(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Param('level', ParseIntPipe) level: number,
    @Param('language') language: string,
    @Body() body: UpdateMailTemplateDto,
  ): Promise<MailTemplateResponse> {
    return this.mailTemplatesService.update(companyId, level, language, body);
  }

  /** Restores the default text for a level and language by deleting the company's own. */
  @Delete(':level/:language')
  @HttpCode(204)
  restoreDefault(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Param('level', ParseIntPipe) level: number,
    @Param('language') language: string,
  ): Promise<void> {
    return this.mailTemplatesService.restoreDefault(companyId, level, language);
  }
}
