import { Injectable } from '@angular/core';
import { NativeDateAdapter } from '@angular/material/core';
import { isPlainDate, PlainDate } from '@solleciti/util';

/**
 * Returns the calendar day a datepicker Date stands for, as YYYY-MM-DD. The datepicker gives
 * local midnight, so the local fields are read: toISOString() would give the previous day
 * east of UTC (for example in Italy).
 */
export function toPlainDate(date: Date): PlainDate {
  return [
    String(date.getFullYear()).padStart(4, '0'),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-');
}

/** Returns local midnight of a YYYY-MM-DD date, the form the datepicker works with. */
export function fromPlainDate(date: PlainDate): Date {
  const [year, month, day] = date.split('-').map(Number);
  const result = new Date(year, month - 1, day);
  // new Date(y, m, d) maps years 0–99 to 1900–1999.
  result.setFullYear(year);

  return result;
}

const ITALIAN_DATE_PATTERN = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;

/**
 * Date adapter for typed dates in the Italian order, 31/03/2025 (also 31.03.2025 or 31-03-2025).
 * The native adapter parses with Date.parse, which reads 03/04/2025 as 4 March.
 */
@Injectable()
export class ItalianDateAdapter extends NativeDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value !== 'string') {
      return super.parse(value, parseFormat);
    }
    if (value.trim() === '') {
      return null;
    }

    const match = ITALIAN_DATE_PATTERN.exec(value);
    if (!match) {
      return this.invalid();
    }

    const plainDate = `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;

    return isPlainDate(plainDate) ? fromPlainDate(plainDate) : this.invalid();
  }

  override format(date: Date, displayFormat: object): string {
    // Only the text in the input is forced to dd/MM/yyyy, the calendar header keeps the locale's format.
    const isInputFormat = Object.keys(displayFormat).join() === 'year,month,day';

    return isInputFormat ? toPlainDate(date).split('-').reverse().join('/') : super.format(date, displayFormat);
  }
}
