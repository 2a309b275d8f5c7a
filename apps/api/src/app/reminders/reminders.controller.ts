import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListRemindersQueryDto, PageResponse, ReminderDispatchResponse } from '@solleciti/dto';

import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('companies/:companyId/reminders')
export class RemindersController {
  constructor(private readonly remindersService: RemindersService) {}

  /** The dispatch history: every reminder sent, failed or skipped, newest first. */
  @Get()
  list(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Query() query: ListRemindersQueryDto,
  ): Promise<PageResponse<ReminderDispatchResponse>> {
    return this.remindersService.list(companyId, query);
  }
}
