import { isTodaysRunPast } from './reminder-scheduler.service';

describe(isTodaysRunPast.name, () => {
  const daily8 = '0 8 * * *';

  it.each([
    ['before 08:00 Rome in winter', '2025-01-15T06:59:00Z', '2025-01-15', false],
    ['at 08:00 Rome in winter (07:00 UTC)', '2025-01-15T07:00:00Z', '2025-01-15', true],
    ['at 08:00 Rome in summer (06:00 UTC)', '2025-07-15T06:00:00Z', '2025-07-15', true],
    ['at 07:30 Rome in summer', '2025-07-15T05:30:00Z', '2025-07-15', false],
    ['at 00:30 Rome, UTC still the day before', '2025-07-14T22:30:00Z', '2025-07-15', false],
    ['late in the evening in Rome', '2025-07-15T20:00:00Z', '2025-07-15', true],
  ])('%s', (_name, instant, today, expected) => {
    expect(isTodaysRunPast(daily8, 'Europe/Rome', new Date(instant), today)).toBe(expected);
  });

  it('is false on a day the cron does not run', () => {
    // 2025-07-13 is a Sunday; this cron runs Monday to Friday only.
    expect(isTodaysRunPast('0 8 * * 1-5', 'Europe/Rome', new Date('2025-07-13T12:00:00Z'), '2025-07-13')).toBe(false);
  });
});
