import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  ListRemindersQueryDto,
  PageResponse,
  ReminderCalendarQueryDto,
  ReminderAttentionResponse,
  ReminderCalendarResponse,
  ReminderDispatchResponse,
  UpcomingRemindersQueryDto,
  UpcomingRemindersResponse,
} from '@solleciti/dto';

import { RemindersService } from './reminders.service';
import { UpcomingRemindersService } from './upcoming-reminders.service';

@ApiTags('reminders')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('companies/:companyId/reminders')
export class RemindersController {
  constructor(
    private readonly remindersService: RemindersService,
    private readonly upcomingRemindersService: UpcomingRemindersService,
  ) {}

  /** The dispatch history: every reminder sent, failed or skipped, newest first. */
  @Get()
  list(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Query() query: ListRemindersQueryDto,
  ): Promise<PageResponse<ReminderDispatchResponse>> {
    return this.remindersService.list(companyId, query);
  }

  /**
   * Counts the reminders that need a person's attention: failed in the last 30 days, sent with some
   * recipients rejected, waiting for a retry, or of unknown delivery.
   */
  @Get('attention')
  attention(@Param('companyId', ParseIntPipe) companyId: number): Promise<ReminderAttentionResponse> {
    return this.remindersService.attention(companyId);
  }

  /**
   * The reminders that the sweep of `date` (default: tomorrow in REMINDER_TIME_ZONE) would send or
   * skip, from a dry run of the sweep that assumes the sweeps of earlier days have run.
   */
  @Get('upcoming')
  upcoming(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Query() query: UpcomingRemindersQueryDto,
  ): Promise<UpcomingRemindersResponse> {
    return this.upcomingRemindersService.forDay(companyId, query.date);
  }

  /**
   * The upcoming reminders day by day from `from` to `to` (at most 62 days), from dry runs of the
   * sweep in order, so that a reminder due on one day is not listed again on a later day.
   */
  @Get('calendar')
  calendar(
    @Param('companyId', ParseIntPipe) companyId: number,
    @Query() query: ReminderCalendarQueryDto,
  ): Promise<ReminderCalendarResponse> {
    return this.upcomingRemindersService.forRange(companyId, query.from, query.to);
  }
}
