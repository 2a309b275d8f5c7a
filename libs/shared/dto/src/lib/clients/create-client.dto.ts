import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { MAX_PAGE } from '../common/validators';

export const CLIENT_KINDS = ['person', 'company', 'public-administration'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export class AddressDto {
  @IsOptional() @IsString() @MaxLength(255) street?: string | null;
  @IsOptional() @IsString() @MaxLength(16) streetNumber?: string | null;
  @IsOptional() @IsString() @MaxLength(16) postalCode?: string | null;
  @IsOptional() @IsString() @MaxLength(120) city?: string | null;
  @IsOptional() @IsString() @MaxLength(8) province?: string | null;
  @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO code such as IT' })
  country?: string | null;
}

/** Upper-cases identifiers and drops spaces, so "it 0123 4567 897" is read as IT01234567897. */
export const normalizeIdentifier = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value;

/** Every client field, all optional: the body of PATCH, and the base of the POST body. */
export class ClientFieldsDto {
  @IsOptional()
  @IsIn(CLIENT_KINDS)
  kind?: ClientKind;

  @IsOptional() @IsString() @MaxLength(255) companyName?: string | null;
  @IsOptional() @IsString() @MaxLength(120) firstName?: string | null;
  @IsOptional() @IsString() @MaxLength(120) lastName?: string | null;

  /** IdPaese + IdCodice, e.g. "IT01234567890". */
  @IsOptional()
  @Transform(normalizeIdentifier)
  @Matches(/^[A-Z]{2}[0-9A-Za-z+*.\-/]{1,28}$/, {
    message: 'vatNumber must be the country code followed by the number, such as IT01234567890',
  })
  vatNumber?: string | null;

  @IsOptional()
  @Transform(normalizeIdentifier)
  @Matches(/^[A-Za-z0-9]{11,16}$/, { message: 'fiscalCode must be 11 to 16 letters and digits' })
  fiscalCode?: string | null;

  /** Codice destinatario: 6 characters for a public administration, 7 otherwise. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{6,7}$/, { message: 'recipientCode must be 6 or 7 letters and digits' })
  recipientCode?: string | null;

  @IsOptional() @IsEmail({}, { message: 'pec must be an e-mail address' }) @MaxLength(320) pec?: string | null;

  @IsOptional()
  @ArrayMaxSize(10)
  @IsEmail({}, { each: true, message: 'emails must contain only e-mail addresses, such as amministrazione@example.it' })
  @MaxLength(320, { each: true })
  emails?: string[];

  @IsOptional() @IsString() @MaxLength(40) phone?: string | null;

  @IsOptional() @ValidateNested() @Type(() => AddressDto) address?: AddressDto;

  @IsOptional() @IsIn(['it', 'en']) language?: 'it' | 'en';

  @IsOptional() @IsBoolean() remindersDisabled?: boolean;
}

export class CreateClientDto extends ClientFieldsDto {
  @IsIn(CLIENT_KINDS)
  declare kind: ClientKind;
}

export class UpdateClientDto extends ClientFieldsDto {}

/** Query of GET clients/export.csv: the same search as the list, every page. */
export class ExportClientsQueryDto {
  @IsOptional() @IsString() @MaxLength(100) search?: string;
}

export class ListClientsQueryDto {
  @IsOptional() @IsString() @MaxLength(100) search?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;

  @IsOptional() @IsIn(['name', 'createdAt']) sort?: 'name' | 'createdAt';

  @IsOptional() @IsIn(['asc', 'desc']) direction?: 'asc' | 'desc';
}

