/**
 * Money as decimal strings ("1234.50") and integer cents.
 *
 * Amounts never pass through binary floating point: the database stores DECIMAL(15,2), the
 * API exchanges strings, and arithmetic happens on integer cents (exact up to 90 trillion
 * euros, far beyond any invoice).
 */
export type DecimalString = string;

const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

export function isDecimalString(value: unknown, maxDecimals = 2): value is DecimalString {
  if (typeof value !== 'string') {
    return false;
  }

  const match = DECIMAL_PATTERN.exec(value.trim());

  return match !== null && (match[3] ?? '').length <= maxDecimals;
}

/**
 * Converts a decimal string to integer cents. Digits past the second decimal are rounded
 * half away from zero, as Italian invoicing rounds amounts.
 */
export function toCents(value: DecimalString): number {
  const match = DECIMAL_PATTERN.exec(String(value).trim());
  if (!match) {
    throw new RangeError(`Invalid amount "${value}": expected a decimal number such as 1234.56`);
  }

  const sign = match[1] ? -1 : 1;
  const fraction = (match[3] ?? '').padEnd(3, '0');
  const cents = Number(match[2]) * 100 + Number(fraction.slice(0, 2));
  const roundUp = Number(fraction[2]) >= 5 ? 1 : 0;

  return sign * (cents + roundUp) || 0;
}

export function fromCents(cents: number): DecimalString {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`Invalid amount in cents: ${cents}`);
  }

  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);

  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** Normalises any decimal string to exactly two decimals. */
export function normalizeAmount(value: DecimalString): DecimalString {
  return fromCents(toCents(value));
}

export function subtractAmounts(minuend: DecimalString, subtrahend: DecimalString): DecimalString {
  return fromCents(toCents(minuend) - toCents(subtrahend));
}

export function sumAmounts(values: DecimalString[]): DecimalString {
  return fromCents(values.reduce((total, value) => total + toCents(value), 0));
}

/**
 * Formats an amount for people: "1.234,56 €" in Italian, "€1,234.56" in English.
 * The currency code is shown as is when it is not EUR ("1.234,56 USD").
 */
export function formatMoney(value: DecimalString, language: 'it' | 'en', currency = 'EUR'): string {
  const cents = toCents(value);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const integerPart = String(Math.floor(absolute / 100));
  const fractionPart = String(absolute % 100).padStart(2, '0');
  const thousandsSeparator = language === 'it' ? '.' : ',';
  const decimalSeparator = language === 'it' ? ',' : '.';
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, thousandsSeparator);
  const number = `${grouped}${decimalSeparator}${fractionPart}`;

  if (currency !== 'EUR') {
    return `${sign}${number} ${currency}`;
  }

  return language === 'it' ? `${sign}${number} €` : `${sign}€${number}`;
}
