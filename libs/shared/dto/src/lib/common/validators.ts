import {
  ALLOWED_REMINDER_OFFSETS,
  isDecimalString,
  isPlainDate,
  validateReminderOffsets,
} from '@solleciti/util';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** Maximum value of the int primary key columns on MariaDB (2^31 - 1); SQLite's are wider. */
export const MAX_DATABASE_ID = 2_147_483_647;

/** Maximum page number of a list: 1,000,000 pages of 200 rows is beyond any company's data. */
export const MAX_PAGE = 1_000_000;

/** Requires a real calendar date written as YYYY-MM-DD (2017-02-30 is rejected). */
export function IsPlainDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPlainDate',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => isPlainDate(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must be a calendar date as YYYY-MM-DD, got "${String(args?.value)}"`,
      },
    });
}

/** Requires a non-negative amount as a string with at most two decimals, such as "1234.50". */
export function IsAmount(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAmount',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          isDecimalString(value) && !String(value).trim().startsWith('-') && String(value).length <= 16,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must be an amount such as "1234.50" (a string, dot as decimal separator, at most two decimals, not negative), got ${JSON.stringify(args?.value)}`,
      },
    });
}

/** Requires 1 to 3 strictly increasing values from ALLOWED_REMINDER_OFFSETS. */
export function IsReminderOffsets(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isReminderOffsets',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.every((item) => Number.isInteger(item)) &&
          validateReminderOffsets(value).length === 0,
        defaultMessage: (args?: ValidationArguments) => {
          const value = args?.value;
          if (!Array.isArray(value) || !value.every((item) => Number.isInteger(item))) {
            return `offsets must be an array of whole numbers of days from ${ALLOWED_REMINDER_OFFSETS.join(', ')}`;
          }

          return validateReminderOffsets(value).join('; ');
        },
      },
    });
}
