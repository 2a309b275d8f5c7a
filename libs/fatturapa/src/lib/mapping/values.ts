import { isPlainDate, normalizeAmount, PlainDate } from '@solleciti/util';
import { FatturaPaError } from '../model';
import { ElementCursor } from './element-cursor';

/**
 * Typed readers for FatturaPA values. Each returns null when the element is absent, and throws
 * 'invalid-value' naming the element and the value when the text is not of the expected type.
 */

// xs:date allows a time zone suffix, which some generators add. It is dropped, never applied,
// because a due date is a calendar date and shifting it could move it by a day.
const DATE_WITH_OPTIONAL_ZONE = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const INTEGER = /^\d+$/;

export function readDate(parent: ElementCursor, name: string): PlainDate | null {
  const value = parent.optionalText(name);
  if (value === null) {
    return null;
  }

  const match = DATE_WITH_OPTIONAL_ZONE.exec(value);
  if (!match || !isPlainDate(match[1])) {
    throw invalidValue(
      'date',
      value,
      parent.childPath(name),
      'expected a calendar date as YYYY-MM-DD',
    );
  }

  return match[1];
}

export function requireDate(parent: ElementCursor, name: string): PlainDate {
  parent.requireText(name);

  return readDate(parent, name) as PlainDate;
}

/**
 * Reads an amount (or a VAT rate) and normalises it to two decimals: "1234.5" becomes
 * "1234.50", and digits past the second decimal are rounded half away from zero.
 */
export function readAmount(parent: ElementCursor, name: string, kind = 'amount'): string | null {
  const value = readDecimal(parent, name, kind);

  return value === null ? null : normalizeAmount(value);
}

export function requireAmount(parent: ElementCursor, name: string, kind = 'amount'): string {
  parent.requireText(name);

  return readAmount(parent, name, kind) as string;
}

/**
 * Reads a decimal (a quantity, a unit price, a rate) and returns it trimmed, as written, except
 * for a leading "+", which is dropped so the value stays a plain decimal string.
 */
export function readDecimal(
  parent: ElementCursor,
  name: string,
  kind = 'decimal number',
): string | null {
  const value = parent.optionalText(name);
  if (value === null) {
    return null;
  }

  if (!DECIMAL.test(value)) {
    throw invalidValue(
      kind,
      value,
      parent.childPath(name),
      'expected a decimal number with a dot, such as 1234.56',
    );
  }

  return value.startsWith('+') ? value.slice(1) : value;
}

export function readInteger(parent: ElementCursor, name: string): number | null {
  const value = parent.optionalText(name);
  if (value === null) {
    return null;
  }

  const parsed = Number(value);
  if (!INTEGER.test(value) || !Number.isSafeInteger(parsed)) {
    throw invalidValue(
      'integer',
      value,
      parent.childPath(name),
      'expected a whole number such as 30',
    );
  }

  return parsed;
}

function invalidValue(
  kind: string,
  value: string,
  path: string,
  expectation: string,
): FatturaPaError {
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;

  return new FatturaPaError(
    'invalid-value',
    `Invalid ${kind} "${shown}" in ${path}: ${expectation}`,
    path,
  );
}
