import { Type } from 'class-transformer';
import { IsEmail, IsOptional, MaxLength, ValidateNested } from 'class-validator';

import { UpdateMailSettingsDto } from './update-mail-settings.dto';

export class SendTestMailDto {
  /** Recipient of the test e-mail. */
  @IsEmail() @MaxLength(320) to!: string;

  /**
   * Unsaved SMTP settings to test, or the saved ones when omitted. Without a password, the stored
   * password is used.
   */
  @IsOptional() @ValidateNested() @Type(() => UpdateMailSettingsDto) settings?: UpdateMailSettingsDto;
}
