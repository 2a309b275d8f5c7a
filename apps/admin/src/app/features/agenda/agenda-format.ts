import { LOCALE_ID, Pipe, PipeTransform, inject } from '@angular/core';

/**
 * Formats a YYYY-MM-DD date with Intl in the app's locale, e.g. "lunedì 13 febbraio". The date is
 * built at UTC midnight and formatted in UTC, so the browser's time zone cannot change the day.
 */
export function formatPlainDate(locale: string, date: string, options: Intl.DateTimeFormatOptions): string {
  const [year, month, day] = date.split('-').map(Number);

  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Returns the weekday names from Monday to Sunday, e.g. ["lunedì", …] with 'long'. */
export function weekdayNames(locale: string, width: 'long' | 'short'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, index) =>
    formatPlainDate(locale, `2024-01-0${index + 1}`, { weekday: width }),
  );
}

/** Formats a YYYY-MM-DD date in the app's locale as a long day ('day') or as month and year ('month'). */
@Pipe({ name: 'agendaDate' })
export class AgendaDatePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(date: string, style: 'day' | 'month'): string {
    return style === 'month'
      ? capitalize(formatPlainDate(this.locale, date, { month: 'long', year: 'numeric' }))
      : capitalize(formatPlainDate(this.locale, date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }));
  }
}
