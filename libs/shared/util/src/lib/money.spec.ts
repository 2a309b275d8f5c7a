import { formatMoney, fromCents, normalizeAmount, subtractAmounts, toCents } from './money';

describe('money', () => {
  it('converts decimal strings to cents without floating point', () => {
    expect(toCents('0.10')).toBe(10);
    expect(toCents('1234.5')).toBe(123450);
    expect(toCents('11.31000000')).toBe(1131);
    expect(toCents('-1.83')).toBe(-183);
    expect(toCents('0.005')).toBe(1);
    expect(toCents('-0.00')).toBe(0);
  });

  it('rejects values that are not decimals', () => {
    expect(() => toCents('1,50')).toThrow('Invalid amount "1,50"');
    expect(() => toCents('abc')).toThrow(RangeError);
  });

  it('writes cents back as two-decimal strings', () => {
    expect(fromCents(5)).toBe('0.05');
    expect(fromCents(-183)).toBe('-1.83');
    expect(normalizeAmount('27')).toBe('27.00');
    expect(subtractAmounts('100.00', '33.33')).toBe('66.67');
  });

  it('formats euro amounts the Italian and English way', () => {
    expect(formatMoney('1234.56', 'it')).toBe('1.234,56 €');
    expect(formatMoney('1234567.5', 'it')).toBe('1.234.567,50 €');
    expect(formatMoney('0.5', 'it')).toBe('0,50 €');
    expect(formatMoney('1234.56', 'en')).toBe('€1,234.56');
    expect(formatMoney('10', 'it', 'USD')).toBe('10,00 USD');
  });
});
