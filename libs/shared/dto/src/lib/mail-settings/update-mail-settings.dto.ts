import { IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class UpdateMailSettingsDto {
  @IsString() @MinLength(1) @MaxLength(255) host!: string;

  @IsInt() @Min(1) @Max(65535) port!: number;

  /** tls: TLS from the first byte (port 465); starttls: upgrade after connecting (587); none: plain. */
  @IsIn(['tls', 'starttls', 'none']) security!: 'tls' | 'starttls' | 'none';

  @IsOptional() @IsString() @MaxLength(255) username?: string | null;

  /** Written only; omit it to keep the stored password. */
  @IsOptional() @IsString() @MaxLength(256) password?: string | null;

  /** Display name of the sender, on one line because it goes into the From header. */
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  // eslint-disable-next-line no-control-regex -- control characters are what this rejects
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'fromName must be one line without control characters such as line breaks or tabs' })
  fromName!: string;

  @IsEmail() @MaxLength(320) fromAddress!: string;
}
