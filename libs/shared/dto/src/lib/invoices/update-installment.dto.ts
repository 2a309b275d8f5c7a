import { IsOptional, ValidateIf } from 'class-validator';

import { IsAmount, IsPlainDate } from '../common/validators';

export class UpdateInstallmentDto {
  /** New due date; the reminders not yet sent follow it. Null removes the due date. */
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsPlainDate()
  dueDate?: string | null;

  @IsOptional()
  @IsAmount()
  amountPaid?: string;

  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsPlainDate()
  paidOn?: string | null;
}
