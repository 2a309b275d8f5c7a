import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { IsPlainDate } from '../common/validators';
import { REMINDER_DISPATCH_STATUSES } from './reminder-dispatch.response';

export class ListRemindersQueryDto {
  @IsOptional() @IsIn(REMINDER_DISPATCH_STATUSES) status?: string;

  /** First processing day included, YYYY-MM-DD. */
  @IsOptional() @IsPlainDate() from?: string;

  /** Last processing day included, YYYY-MM-DD. */
  @IsOptional() @IsPlainDate() to?: string;

  @IsOptional() @Type(() => Number) @IsInt() clientId?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
