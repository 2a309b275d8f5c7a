import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, Max, Min } from 'class-validator';

import { IsReminderOffsets, MAX_DATABASE_ID } from '../common/validators';

const CATCH_UP_DAYS_MESSAGE = 'catchUpDays must be a whole number of days from 0 to 7, got $value';

export class UpdateReminderSettingsDto {
  @IsBoolean()
  enabled!: boolean;

  @IsBoolean()
  attachCourtesyCopy!: boolean;

  /** Days from the due date of reminders 1 to 3, strictly increasing; negative is before. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsReminderOffsets()
  offsets!: number[];

  /** How many days late a reminder missed because no sweep ran may still go out. */
  @IsInt({ message: CATCH_UP_DAYS_MESSAGE })
  @Min(0, { message: CATCH_UP_DAYS_MESSAGE })
  @Max(7, { message: CATCH_UP_DAYS_MESSAGE })
  catchUpDays!: number;
}

export class ExcludeClientsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_DATABASE_ID, { each: true })
  clientIds!: number[];
}
