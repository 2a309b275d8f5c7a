import { addDays, PlainDate, todayInTimeZone } from '@solleciti/util';

import { planInstallmentReminders, RecordedDispatch } from './reminder-rule';

/**
 * Runs the rule day by day like the nightly sweep, recording what it decides, and returns the
 * days on which each level was sent.
 */
function simulate(options: {
  dueDate: PlainDate;
  offsets: number[];
  catchUpDays?: number;
  from: PlainDate;
  to: PlainDate;
  skipDays?: PlainDate[];
  recorded?: RecordedDispatch[];
  changes?: Record<PlainDate, { dueDate?: PlainDate; offsets?: number[] }>;
}) {
  const recorded: RecordedDispatch[] = [...(options.recorded ?? [])];
  const sent: Array<{ day: PlainDate; level: number }> = [];
  const missed: Array<{ day: PlainDate; level: number }> = [];
  let dueDate = options.dueDate;
  let offsets = options.offsets;
  let lastRun: PlainDate | null = null;

  for (let day = options.from; day <= options.to; day = addDays(day, 1)) {
    const change = options.changes?.[day];
    dueDate = change?.dueDate ?? dueDate;
    offsets = change?.offsets ?? offsets;
    if (options.skipDays?.includes(day)) {
      continue;
    }

    const catchUpDays = options.catchUpDays ?? 3;
    const windowStart = addDays(day, -catchUpDays);
    const afterLastRun = lastRun === null ? windowStart : addDays(lastRun, 1);
    const horizonStart = afterLastRun < windowStart ? afterLastRun : windowStart;
    const decisions = planInstallmentReminders({ today: day, dueDate, offsets, catchUpDays, horizonStart, recorded });

    for (const decision of decisions) {
      recorded.push({
        level: decision.level,
        dueDate,
        status: decision.action === 'send' ? 'sent' : 'skipped',
        reason: decision.action === 'send' ? null : 'missed',
      });
      (decision.action === 'send' ? sent : missed).push({ day, level: decision.level });
    }
    lastRun = day;
  }

  return { sent, missed };
}

describe('planInstallmentReminders', () => {
  it.each([
    {
      name: 'offsets before, on and after the due date',
      dueDate: '2025-05-20',
      offsets: [-3, 0, 7],
      expected: [
        { day: '2025-05-17', level: 1 },
        { day: '2025-05-20', level: 2 },
        { day: '2025-05-27', level: 3 },
      ],
    },
    {
      name: 'due on 31 March, offsets crossing the change to summer time',
      dueDate: '2025-03-31',
      offsets: [-3, 0, 7],
      expected: [
        { day: '2025-03-28', level: 1 },
        { day: '2025-03-31', level: 2 },
        { day: '2025-04-07', level: 3 },
      ],
    },
    {
      name: 'due on the last Sunday of October, when summer time ends',
      dueDate: '2025-10-26',
      offsets: [-1, 0, 1],
      expected: [
        { day: '2025-10-25', level: 1 },
        { day: '2025-10-26', level: 2 },
        { day: '2025-10-27', level: 3 },
      ],
    },
    {
      name: 'due on 29 February',
      dueDate: '2024-02-29',
      offsets: [-1, 0, 30],
      expected: [
        { day: '2024-02-28', level: 1 },
        { day: '2024-02-29', level: 2 },
        { day: '2024-03-30', level: 3 },
      ],
    },
    {
      name: 'a single reminder 90 days after',
      dueDate: '2025-01-31',
      offsets: [90],
      expected: [{ day: '2025-05-01', level: 1 }],
    },
  ])('$name', ({ dueDate, offsets, expected }) => {
    const { sent, missed } = simulate({ dueDate, offsets, from: addDays(dueDate, -40), to: addDays(dueDate, 100) });

    expect(sent).toEqual(expected);
    expect(missed).toEqual([]);
  });

  it('sends nothing more when the same day is swept twice', () => {
    const recorded: RecordedDispatch[] = [{ level: 1, dueDate: '2025-05-20', status: 'sent', reason: null }];

    const decisions = planInstallmentReminders({
      today: '2025-05-17',
      dueDate: '2025-05-20',
      offsets: [-3, 0, 7],
      catchUpDays: 3,
      horizonStart: '2025-05-14',
      recorded,
    });

    expect(decisions).toEqual([]);
  });

  it('moves the remaining reminders when the due date moves later after reminder 1', () => {
    const { sent } = simulate({
      dueDate: '2025-05-20',
      offsets: [-3, 0, 7],
      from: '2025-05-01',
      to: '2025-07-01',
      changes: { '2025-05-18': { dueDate: '2025-06-10' } },
    });

    expect(sent).toEqual([
      { day: '2025-05-17', level: 1 },
      { day: '2025-06-10', level: 2 },
      { day: '2025-06-17', level: 3 },
    ]);
  });

  it('sends unsent reminder 1 for moved date', () => {
    const { sent } = simulate({
      dueDate: '2025-05-20',
      offsets: [-3, 0, 7],
      from: '2025-05-01',
      to: '2025-07-01',
      changes: { '2025-05-10': { dueDate: '2025-06-10' } },
    });

    expect(sent).toEqual([
      { day: '2025-06-07', level: 1 },
      { day: '2025-06-10', level: 2 },
      { day: '2025-06-17', level: 3 },
    ]);
  });

  it('caps reminders at new offset count', () => {
    const { sent } = simulate({
      dueDate: '2025-05-20',
      offsets: [-3, 0, 7],
      from: '2025-05-01',
      to: '2025-07-01',
      changes: { '2025-05-18': { offsets: [7] } },
    });

    expect(sent).toEqual([{ day: '2025-05-17', level: 1 }]);
  });

  it('applies a change from three offsets to one before any reminder went out', () => {
    const { sent } = simulate({
      dueDate: '2025-05-20',
      offsets: [-3, 0, 7],
      from: '2025-05-01',
      to: '2025-07-01',
      changes: { '2025-05-10': { offsets: [7] } },
    });

    expect(sent).toEqual([{ day: '2025-05-27', level: 1 }]);
  });

  it('catches up a missed day inside the window, late but once', () => {
    const { sent, missed } = simulate({
      dueDate: '2025-05-20',
      offsets: [-3, 0, 7],
      catchUpDays: 3,
      from: '2025-05-01',
      to: '2025-06-30',
      skipDays: ['2025-05-27', '2025-05-28'],
    });

    expect(sent).toEqual([
      { day: '2025-05-17', level: 1 },
      { day: '2025-05-20', level: 2 },
      { day: '2025-05-29', level: 3 },
    ]);
    expect(missed).toEqual([]);
  });

  it('records a reminder missed beyond the window and sends only the latest level', () => {
    const { sent, missed } = simulate({
      dueDate: '2025-05-20',
      offsets: [-3, 0, 7],
      catchUpDays: 3,
      from: '2025-05-01',
      to: '2025-06-30',
      skipDays: ['2025-05-16', '2025-05-17', '2025-05-18', '2025-05-19', '2025-05-20', '2025-05-21', '2025-05-22'],
    });

    expect(sent).toEqual([
      { day: '2025-05-23', level: 2 },
      { day: '2025-05-27', level: 3 },
    ]);
    expect(missed).toEqual([{ day: '2025-05-23', level: 1 }]);
  });

  it('records every level as missed after an outage longer than the window', () => {
    const skipDays = Array.from({ length: 20 }, (_, index) => addDays('2025-05-15', index));

    const { sent, missed } = simulate({
      dueDate: '2025-05-20',
      offsets: [-3, 0, 7],
      catchUpDays: 3,
      from: '2025-05-01',
      to: '2025-06-30',
      skipDays,
    });

    expect(sent).toEqual([]);
    expect(missed).toEqual([
      { day: '2025-06-04', level: 1 },
      { day: '2025-06-04', level: 2 },
      { day: '2025-06-04', level: 3 },
    ]);
  });

  it('never sends a before-due reminder on or after the due date', () => {
    const { sent, missed } = simulate({
      dueDate: '2025-05-20',
      offsets: [-2],
      catchUpDays: 7,
      from: '2025-05-01',
      to: '2025-06-30',
      skipDays: ['2025-05-18', '2025-05-19'],
    });

    expect(sent).toEqual([]);
    expect(missed).toEqual([{ day: '2025-05-20', level: 1 }]);
  });

  it('sends nothing with a catch-up of 0 days on a missed day', () => {
    const { sent, missed } = simulate({
      dueDate: '2025-05-20',
      offsets: [0],
      catchUpDays: 0,
      from: '2025-05-01',
      to: '2025-06-30',
      skipDays: ['2025-05-20'],
    });

    expect(sent).toEqual([]);
    expect(missed).toEqual([{ day: '2025-05-21', level: 1 }]);
  });

  it('retries a reminder skipped for a missing address inside the window', () => {
    const decisions = planInstallmentReminders({
      today: '2025-05-22',
      dueDate: '2025-05-20',
      offsets: [0, 7],
      catchUpDays: 3,
      horizonStart: '2025-05-19',
      recorded: [{ level: 1, dueDate: '2025-05-20', status: 'skipped', reason: 'no-email' }],
    });

    expect(decisions).toEqual([{ level: 1, offsetDays: 0, sendDay: '2025-05-20', action: 'send' }]);
  });

  it('leaves a skip for a missing address alone once the window has passed', () => {
    const decisions = planInstallmentReminders({
      today: '2025-05-24',
      dueDate: '2025-05-20',
      offsets: [0, 7],
      catchUpDays: 3,
      horizonStart: '2025-05-21',
      recorded: [{ level: 1, dueDate: '2025-05-20', status: 'skipped', reason: 'no-email' }],
    });

    expect(decisions).toEqual([]);
  });

  it('uses Rome date at 00:30', () => {
    const today = todayInTimeZone('Europe/Rome', new Date('2025-05-16T22:30:00Z'));

    const decisions = planInstallmentReminders({
      today,
      dueDate: '2025-05-20',
      offsets: [-3, 0, 7],
      catchUpDays: 0,
      horizonStart: today,
      recorded: [],
    });

    expect(today).toBe('2025-05-17');
    expect(decisions).toEqual([{ level: 1, offsetDays: -3, sendDay: '2025-05-17', action: 'send' }]);
  });
});

describe('planInstallmentReminders after a failed send', () => {
  it('tries a failed reminder again inside the window', () => {
    const decisions = planInstallmentReminders({
      today: '2025-05-21',
      dueDate: '2025-05-20',
      offsets: [0, 7],
      catchUpDays: 3,
      horizonStart: '2025-05-18',
      recorded: [{ level: 1, dueDate: '2025-05-20', status: 'failed', reason: null }],
    });

    expect(decisions).toEqual([{ level: 1, offsetDays: 0, sendDay: '2025-05-20', action: 'send' }]);
  });

  it('leaves a failed reminder as failed once the window has passed', () => {
    const decisions = planInstallmentReminders({
      today: '2025-05-25',
      dueDate: '2025-05-20',
      offsets: [0, 7],
      catchUpDays: 3,
      horizonStart: '2025-05-22',
      recorded: [{ level: 1, dueDate: '2025-05-20', status: 'failed', reason: null }],
    });

    expect(decisions).toEqual([]);
  });
});
