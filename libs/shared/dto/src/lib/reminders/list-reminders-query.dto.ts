import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { IsPlainDate, MAX_DATABASE_ID, MAX_PAGE } from '../common/validators';
import { REMINDER_DISPATCH_STATUSES } from './reminder-dispatch.response';

export class ListRemindersQueryDto {
  @IsOptional() @IsIn(REMINDER_DISPATCH_STATUSES) status?: string;

  /** "true" keeps only reminders with recipients the SMTP server rejected. */
  @IsOptional() @IsIn(['true']) rejectedRecipients?: string;

  /** First processing day included, YYYY-MM-DD. */
  @IsOptional() @IsPlainDate() from?: string;

  /** Last processing day included, YYYY-MM-DD. */
  @IsOptional() @IsPlainDate() to?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_DATABASE_ID) clientId?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
