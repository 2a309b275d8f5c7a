import type { Party } from '@solleciti/fatturapa';
import { formatDateDdMmYyyy, isPlainDate } from '@solleciti/util';
import type { Language } from './document-types';

const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Maximum run of characters without a break opportunity that `cleanText` leaves intact. */
const MAX_UNBROKEN_RUN = 30;

/**
 * Prepares text from the file for printing. Control characters (tabs, NUL and the like) become
 * spaces, and so do line breaks unless `multiline` is set. Runs of more than 30 characters with
 * no space get a zero-width space every 30 characters: pdfmake sizes table columns by the
 * widest unbreakable word, so one long code or URL would otherwise push the table off the page.
 */
export function cleanText(value: string, multiline = false): string {
  const lineBreak = multiline ? '\n' : ' ';
  const cleaned = value
    .replace(/\r\n?|\n/g, lineBreak)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, ' ');

  return cleaned.replace(/\S{31,}/g, (run) => {
    const characters = Array.from(run);
    const chunks: string[] = [];
    for (let start = 0; start < characters.length; start += MAX_UNBROKEN_RUN) {
      chunks.push(characters.slice(start, start + MAX_UNBROKEN_RUN).join(''));
    }

    return chunks.join('\u200B');
  });
}

/**
 * Formats a decimal string with the separators of `language`, keeping every significant decimal
 * and at least `minimumDecimals` ("1234.5000" → "1.234,50" with 2). A value that is not a decimal
 * number is returned unchanged, so odd input still shows instead of failing the whole document.
 */
export function formatDecimal(value: string, language: Language, minimumDecimals: number): string {
  const match = DECIMAL_PATTERN.exec(value.trim());
  if (!match) {
    return value;
  }

  const sign = match[1] ?? '';
  const integerPart = match[2].replace(/^0+(?=\d)/, '');
  const fractionPart = (match[3] ?? '').replace(/0+$/, '').padEnd(minimumDecimals, '0');
  const thousandsSeparator = language === 'it' ? '.' : ',';
  const decimalSeparator = language === 'it' ? ',' : '.';
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, thousandsSeparator);
  const isZero = /^0*$/.test(integerPart + fractionPart);

  return `${isZero ? '' : sign}${grouped}${fractionPart ? decimalSeparator + fractionPart : ''}`;
}

/**
 * Formats a unit price, which FatturaPA allows with up to 8 decimals, in the style of
 * `formatMoney` from `@solleciti/util` ("0,12345 €", "€0.12345", "12,50 USD").
 */
export function formatUnitPrice(value: string, language: Language, currency: string): string {
  const number = formatDecimal(value, language, 2);
  if (currency !== 'EUR') {
    return `${number} ${currency}`;
  }

  return language === 'it' ? `${number} €` : `€${number}`;
}

/** Formats a quantity with its unit of measure ("2,5 ore"), or returns "" when there is none. */
export function formatQuantity(quantity: string | null, unitOfMeasure: string | null, language: Language): string {
  if (quantity === null) {
    return '';
  }

  const number = formatDecimal(quantity, language, 0);

  return unitOfMeasure ? `${number} ${cleanText(unitOfMeasure)}` : number;
}

/** Formats a VAT rate and nature: "22%", "5,5%", "0% N2.2", or "N2.2" without a rate. */
export function formatVatRate(vatRate: string | null, nature: string | null, language: Language): string {
  const parts: string[] = [];
  if (vatRate !== null) {
    parts.push(`${formatDecimal(vatRate, language, 0)}%`);
  }
  if (nature) {
    parts.push(cleanText(nature));
  }

  return parts.length > 0 ? parts.join(' ') : '—';
}

/** Formats a calendar date as dd/MM/yyyy, or returns the value unchanged when it is not YYYY-MM-DD. */
export function formatDate(date: string): string {
  return isPlainDate(date) ? formatDateDdMmYyyy(date) : date;
}

/** Returns the name of a party: Denominazione, else "Nome Cognome", else "". */
export function partyName(party: Party): string {
  if (party.companyName) {
    return cleanText(party.companyName);
  }

  return cleanText([party.firstName, party.lastName].filter(Boolean).join(' '));
}

/** Formats the VAT number as "IT01234567890", or returns null when the party has none. */
export function partyVatNumber(party: Party): string | null {
  if (!party.vatNumber) {
    return null;
  }

  return cleanText(`${party.vatNumber.country}${party.vatNumber.code}`);
}

/**
 * Returns the address of a party as printed lines: street and number, then postal code, city
 * and province, then the country when it is not Italy.
 */
export function partyAddressLines(party: Party): string[] {
  const address = party.address;
  if (!address) {
    return [];
  }

  const street = [address.street, address.streetNumber].filter(Boolean).join(' ');
  const province = address.province ? `(${address.province})` : null;
  const place = [address.postalCode, address.city, province].filter(Boolean).join(' ');
  const country = address.country && address.country.toUpperCase() !== 'IT' ? address.country : null;

  return [street, place, country].filter((line): line is string => Boolean(line)).map((line) => cleanText(line));
}
