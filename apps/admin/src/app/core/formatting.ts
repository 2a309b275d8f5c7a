import { LOCALE_ID, Pipe, PipeTransform, inject } from '@angular/core';
import { formatDateDdMmYyyy, formatMoney, isPlainDate } from '@solleciti/util';

/** Returns 'it' or 'en' for the app's locale, the two languages of the product. */
export function languageOf(localeId: string): 'it' | 'en' {
  return localeId.toLowerCase().startsWith('en') ? 'en' : 'it';
}

/**
 * Formats an amount given as a decimal string ("1234.56") as money: 1.234,56 € in Italian.
 * The amount never becomes a floating-point number.
 */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  private readonly language = languageOf(inject(LOCALE_ID));

  transform(value: string | null | undefined, currency = 'EUR'): string {
    return value === null || value === undefined || value === '' ? '—' : formatMoney(value, this.language, currency);
  }
}

/** Formats a calendar date given as YYYY-MM-DD as dd/MM/yyyy, with no time-zone conversion. */
@Pipe({ name: 'plainDate' })
export class PlainDatePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return isPlainDate(value) ? formatDateDdMmYyyy(value) : '—';
  }
}
