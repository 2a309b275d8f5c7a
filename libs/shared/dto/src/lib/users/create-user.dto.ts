import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import type { UserRole } from '../auth/current-user.response';

/** Shortest password accepted for a new or changed password. */
export const MIN_PASSWORD_LENGTH = 12;

export const USER_ROLES: readonly UserRole[] = ['admin', 'staff'];

export class CreateUserDto {
  @Matches(/^[A-Za-z0-9._@-]{3,100}$/, {
    message: 'username must be 3 to 100 letters, digits or the characters . _ @ -',
  })
  username!: string;

  @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(200) password!: string;

  @IsIn(USER_ROLES) role!: UserRole;

  /** Companies a staff user may see; ignored for an admin. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  companyIds?: number[];
}
