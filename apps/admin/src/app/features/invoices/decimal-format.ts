/**
 * Formats a decimal string from the invoice file ("1234.50000000") the Italian way ("1.234,50"),
 * dropping trailing zeros past `minDecimals`. Works on the text, so no digit is rounded away.
 */
export function formatDecimalIt(value: string | null, minDecimals = 0): string {
  if (value === null || value === '') {
    return '—';
  }

  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) {
    return value;
  }

  const [, sign, integerPart, fractionPart = ''] = match;
  let fraction = fractionPart.replace(/0+$/, '');
  if (fraction.length < minDecimals) {
    fraction = fraction.padEnd(minDecimals, '0');
  }
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

  return fraction === '' ? `${sign}${grouped}` : `${sign}${grouped},${fraction}`;
}
