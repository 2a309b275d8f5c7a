import { IsOptional } from 'class-validator';

import { IsPlainDate } from '../common/validators';

export class UpcomingRemindersQueryDto {
  /** The sweep day to preview, YYYY-MM-DD, or tomorrow in REMINDER_TIME_ZONE when omitted. */
  @IsOptional() @IsPlainDate() date?: string;
}

export class ReminderCalendarQueryDto {
  /** First sweep day to preview, YYYY-MM-DD. */
  @IsPlainDate() from!: string;

  /** Last sweep day to preview, YYYY-MM-DD. The range covers at most 62 days, both ends included. */
  @IsPlainDate() to!: string;
}
