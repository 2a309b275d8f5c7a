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

/** Time zone of the reminder schedule, in which the reminder history shows its times too. */
const OFFICE_TIME_ZONE = 'Europe/Rome';

/** Splits an instant into parts in Europe/Rome. 'h23' writes midnight as 00, not 24. */
const officeDateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: OFFICE_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Formats an ISO 8601 instant as dd/MM/yyyy, HH:mm in Europe/Rome, whatever the browser's zone and
 * the build's language, so that both builds show the same day-first form.
 */
@Pipe({ name: 'romeDateTime' })
export class RomeDateTimePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    const instant = value ? new Date(value) : null;
    if (instant === null || Number.isNaN(instant.getTime())) {
      return '—';
    }

    const parts = Object.fromEntries(
      officeDateTimeParts.formatToParts(instant).map((part) => [part.type, part.value]),
    );

    return `${parts['day']}/${parts['month']}/${parts['year']}, ${parts['hour']}:${parts['minute']}`;
  }
}
