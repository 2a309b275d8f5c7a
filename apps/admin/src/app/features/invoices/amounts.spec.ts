import { parseItalianAmount } from './amounts';

describe('parseItalianAmount', () => {
  const VALID: Array<[string, string]> = [
    ['1.234,56', '1234.56'],
    ['1234,56', '1234.56'],
    ['1234', '1234.00'],
    ['1.234', '1234.00'],
    ['1.234.567,8', '1234567.80'],
    ['0,5', '0.50'],
    ['12.50', '12.50'],
    [' 1 234,56 € ', '1234.56'],
    ['0,10', '0.10'],
    ['007,00', '7.00'],
    ['99999999999999,99', '99999999999999.99'],
  ];

  for (const [text, expected] of VALID) {
    it(`reads "${text}"`, () => {
      expect(parseItalianAmount(text)).toBe(expected);
    });
  }

  const INVALID = ['', ',5', 'abc', '1,234,56', '12,345', '1.23,45', '12.5.0', '-5', '1e3', '12.345,6.7'];

  for (const text of INVALID) {
    it(`rejects "${text}"`, () => {
      expect(parseItalianAmount(text)).toBeNull();
    });
  }
});
