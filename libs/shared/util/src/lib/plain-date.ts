/**
 * Plain calendar dates ("YYYY-MM-DD") with no time and no time zone.
 *
 * Due dates in FatturaPA are calendar dates. Turning them into a Date at local midnight
 * shifts them by a day whenever the server's offset and the date's offset differ (DST, UTC
 * servers), so every calculation here works on the string or on UTC day numbers.
 */
export type PlainDate = string;

const PLAIN_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLISECONDS_PER_DAY = 86_400_000;

/** Returns true when `value` is a real calendar date written as YYYY-MM-DD. */
export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== 'string') {
    return false;
  }

  const match = PLAIN_DATE_PATTERN.exec(value);
  if (!match) {
    return false;
  }

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) {
    return false;
  }

  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Converts a plain date to the number of days since 1970-01-01. */
export function toDayNumber(date: PlainDate): number {
  assertPlainDate(date);
  const [year, month, day] = date.split('-').map(Number);

  return Date.UTC(year, month - 1, day) / MILLISECONDS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): PlainDate {
  const date = new Date(dayNumber * MILLISECONDS_PER_DAY);

  return [
    String(date.getUTCFullYear()).padStart(4, '0'),
    String(date.getUTCMonth() + 1).padStart(2, '0'),
    String(date.getUTCDate()).padStart(2, '0'),
  ].join('-');
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Returns `later - earlier` in whole calendar days. */
export function daysBetween(earlier: PlainDate, later: PlainDate): number {
  return toDayNumber(later) - toDayNumber(earlier);
}

/**
 * Returns the calendar date that a wall clock in `timeZone` shows at `instant`.
 * At 00:30 in Rome the UTC date is still the previous day; this returns the Rome date.
 */
export function todayInTimeZone(timeZone: string, instant: Date = new Date()): PlainDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';

  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Formats a plain date as dd/MM/yyyy, the Italian (and British) way. */
export function formatDateDdMmYyyy(date: PlainDate): string {
  assertPlainDate(date);
  const [year, month, day] = date.split('-');

  return `${day}/${month}/${year}`;
}

export function assertPlainDate(value: unknown): asserts value is PlainDate {
  if (!isPlainDate(value)) {
    throw new RangeError(`Invalid date "${String(value)}": expected a calendar date as YYYY-MM-DD`);
  }
}
