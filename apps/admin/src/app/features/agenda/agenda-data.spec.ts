import { addMonths, buildMonthGrid, gridRange, lastDayOf, weekdayIndex, firstOccurrences } from './agenda-data';

describe('agenda dates', () => {
  it('finds the weekday from Monday', () => {
    expect(weekdayIndex('2017-02-13')).toBe(0);
    expect(weekdayIndex('2017-02-19')).toBe(6);
    expect(weekdayIndex('2016-02-29')).toBe(0);
  });

  it('moves across years', () => {
    expect(addMonths('2017-01', -1)).toBe('2016-12');
    expect(addMonths('2016-12', 1)).toBe('2017-01');
    expect(addMonths('2017-03', 12)).toBe('2018-03');
  });

  it('finds the last day of February', () => {
    expect(lastDayOf('2016-02')).toBe('2016-02-29');
    expect(lastDayOf('2017-02')).toBe('2017-02-28');
  });

  it('spans whole weeks Monday to Sunday', () => {
    // 1 February 2017 was a Wednesday and 28 February a Tuesday.
    expect(gridRange('2017-02')).toEqual({ from: '2017-01-30', to: '2017-03-05' });
    expect(buildMonthGrid('2017-02', '2017-02-13', [], [])).toHaveLength(5);
  });

  it('marks days outside the month and today', () => {
    const days = buildMonthGrid('2017-02', '2017-02-13', [], []).flat();

    expect(days.find((day) => day.date === '2017-01-30')?.inMonth).toBe(false);
    expect(days.find((day) => day.date === '2017-02-13')?.isToday).toBe(true);
    expect(days.filter((day) => day.isToday)).toHaveLength(1);
  });
});

describe(firstOccurrences.name, () => {
  const reminder = (installmentId: number, reason: string | null) => ({
    installmentId,
    invoiceId: 1,
    invoiceNumber: '12',
    clientId: 3,
    clientName: 'Cliente',
    level: 2,
    dueDate: '2026-12-01',
    status: 'skipped' as const,
    reason,
    recipientCount: 0,
  });

  it('shows a reminder skipped on several days only on the first', () => {
    const days = firstOccurrences([
      { date: '2026-12-05', due: 0, items: [reminder(7, 'excluded')] },
      { date: '2026-12-06', due: 0, items: [reminder(7, 'excluded'), reminder(8, 'no-email')] },
    ]);

    expect(days.map((day) => day.items.map((item) => item.installmentId))).toEqual([[7], [8]]);
  });

  it('leaves out missed reminders', () => {
    const days = firstOccurrences([{ date: '2026-12-05', due: 0, items: [reminder(7, 'missed')] }]);

    expect(days[0].items).toEqual([]);
  });
});
