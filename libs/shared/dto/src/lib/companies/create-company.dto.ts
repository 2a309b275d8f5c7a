import { Transform, Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

import { AddressDto, normalizeIdentifier } from '../clients/create-client.dto';

export class CreateCompanyDto {
  @IsString() @MinLength(1) @MaxLength(255) name!: string;

  /** IdPaese + IdCodice, e.g. "IT01234567890". */
  @Transform(normalizeIdentifier)
  @Matches(/^[A-Z]{2}[0-9A-Za-z]{1,28}$/, {
    message: 'vatNumber must be the country code followed by the number, such as IT01234567890',
  })
  vatNumber!: string;

  @IsOptional() @Matches(/^[A-Za-z0-9]{11,16}$/, { message: 'fiscalCode must be 11 to 16 letters and digits' })
  fiscalCode?: string | null;

  @IsOptional() @IsEmail() @MaxLength(320) email?: string | null;

  @IsOptional() @IsString() @MaxLength(40) phone?: string | null;

  @IsOptional() @Matches(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, { message: 'iban must be an IBAN without spaces' })
  iban?: string | null;

  @IsOptional() @ValidateNested() @Type(() => AddressDto) address?: AddressDto;
}
