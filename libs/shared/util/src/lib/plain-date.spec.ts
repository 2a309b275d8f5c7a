import { addDays, daysBetween, formatDateDdMmYyyy, isPlainDate, todayInTimeZone } from './plain-date';

describe('plain dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2017-02-30', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['2024-04-31', false],
    ['2024-12-31', true],
  ])('isPlainDate(%s) is %s', (value, expected) => {
    expect(isPlainDate(value)).toBe(expected);
  });

  it('adds days across the end of March, when Italy moves to summer time', () => {
    expect(addDays('2025-03-31', -3)).toBe('2025-03-28');
    expect(addDays('2025-03-28', 3)).toBe('2025-03-31');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
  });

  it('adds days across a leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('returns Rome date at 00:30', () => {
    const instant = new Date('2025-06-14T22:30:00Z');

    expect(todayInTimeZone('Europe/Rome', instant)).toBe('2025-06-15');
    expect(todayInTimeZone('UTC', instant)).toBe('2025-06-14');
  });

  it('formats as dd/MM/yyyy', () => {
    expect(formatDateDdMmYyyy('2025-03-09')).toBe('09/03/2025');
  });
});
