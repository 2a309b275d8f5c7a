import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';

/** The Handlebars sources of a reminder e-mail. GET mail-templates/placeholders lists the placeholders. */
export class UpdateMailTemplateDto {
  @IsString() subject!: string;

  @IsString() body!: string;
}

export class PreviewMailTemplateDto extends UpdateMailTemplateDto {
  /** Reminder number, 1 to 3. */
  @IsInt() @Min(1) @Max(3) level!: number;

  @IsIn(['it', 'en']) language!: 'it' | 'en';
}
