import { DecimalString } from '@solleciti/util';

// "1.234,56", "1234,56", "1234", "1.234": comma for decimals, dots only between groups of three digits.
const ITALIAN_AMOUNT_PATTERN = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;
// "1234.56": a dot followed by one or two digits is read as the decimal point, as people also type it.
const DOT_DECIMAL_AMOUNT_PATTERN = /^(\d+)\.(\d{1,2})$/;

/**
 * Converts an amount typed the Italian way ("1.234,56", "1234,56", "1234") to the API's decimal
 * string ("1234.56"), working on the text so that no floating-point rounding can creep in.
 * "12.50" is read as twelve and a half, "1.234" as one thousand two hundred thirty-four.
 * Returns null for text that is not a non-negative amount with at most two decimals.
 */
export function parseItalianAmount(text: string): DecimalString | null {
  const compact = text.replace(/[\s€]/g, '');

  const italian = ITALIAN_AMOUNT_PATTERN.exec(compact);
  const dotDecimal = italian ? null : DOT_DECIMAL_AMOUNT_PATTERN.exec(compact);
  const match = italian ?? dotDecimal;
  if (!match) {
    return null;
  }

  const integerPart = match[1].replace(/\./g, '').replace(/^0+(?=\d)/, '');
  const fractionPart = (match[2] ?? '').padEnd(2, '0');

  return `${integerPart}.${fractionPart}`;
}
