import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

/** The Handlebars sources of a reminder e-mail. GET mail-templates/placeholders lists the placeholders. */
export class UpdateMailTemplateDto {
  // The same limits as the template check, which explains them in more detail for the admin.
  @IsString() @MaxLength(1_000) subject!: string;

  @IsString() @MaxLength(20_000) body!: string;
}

export class PreviewMailTemplateDto extends UpdateMailTemplateDto {
  /** Reminder number, 1 to 3. */
  @IsInt() @Min(1) @Max(3) level!: number;

  @IsIn(['it', 'en']) language!: 'it' | 'en';
}
