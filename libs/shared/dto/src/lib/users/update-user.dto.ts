import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import type { UserRole } from '../auth/current-user.response';
import { MIN_PASSWORD_LENGTH, USER_ROLES } from './create-user.dto';

/** Changes only the fields sent. A new password ends every session of the user. */
export class UpdateUserDto {
  @IsOptional() @IsIn(USER_ROLES) role?: UserRole;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  companyIds?: number[];

  @IsOptional() @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(200) password?: string;
}
