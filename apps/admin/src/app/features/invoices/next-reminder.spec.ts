import type { InstallmentResponse, ReminderDispatchResponse } from '@solleciti/dto';

import { NextReminder, NextReminderInput, computeNextReminder } from './next-reminder';

type Dispatch = NextReminderInput['dispatches'][number];

const OPEN_INSTALLMENT: NextReminderInput['installment'] = {
  id: 10,
  dueDate: '2025-03-31',
  residual: '500.00',
  status: 'open',
  noReminderReason: null,
};

const ENABLED = { enabled: true, offsets: [-3, 0, 7] };

function dispatch(level: number, status: ReminderDispatchResponse['status'], extra: Partial<Dispatch> = {}): Dispatch {
  return { installmentId: 10, level, dueDate: '2025-03-31', status, reason: null, ...extra };
}

interface Case {
  name: string;
  installment?: Partial<InstallmentResponse>;
  settings?: { enabled: boolean; offsets: number[] };
  dispatches?: Dispatch[];
  today: string;
  expected: NextReminder;
}

const CASES: Case[] = [
  {
    name: 'first level when nothing was sent',
    today: '2025-03-01',
    expected: { kind: 'scheduled', level: 1, sendDay: '2025-03-28' },
  },
  {
    name: 'level whose day is today',
    today: '2025-03-28',
    expected: { kind: 'scheduled', level: 1, sendDay: '2025-03-28' },
  },
  {
    name: 'next level once the first was sent',
    dispatches: [dispatch(1, 'sent')],
    today: '2025-03-29',
    expected: { kind: 'scheduled', level: 2, sendDay: '2025-03-31' },
  },
  {
    name: 'later level when an earlier day has passed unsent',
    today: '2025-04-02',
    expected: { kind: 'scheduled', level: 3, sendDay: '2025-04-07' },
  },
  {
    name: 'level sent today is not next',
    dispatches: [dispatch(1, 'sent'), dispatch(2, 'sent')],
    today: '2025-03-31',
    expected: { kind: 'scheduled', level: 3, sendDay: '2025-04-07' },
  },
  {
    name: 'level being sent is not next',
    dispatches: [dispatch(2, 'sending')],
    today: '2025-03-31',
    expected: { kind: 'scheduled', level: 3, sendDay: '2025-04-07' },
  },
  {
    name: 'level sent for an earlier due date stays done',
    installment: { dueDate: '2025-04-30' },
    dispatches: [dispatch(1, 'sent', { dueDate: '2025-03-31' })],
    today: '2025-04-01',
    expected: { kind: 'scheduled', level: 2, sendDay: '2025-04-30' },
  },
  {
    name: 'level skipped for an earlier due date follows the new date',
    installment: { dueDate: '2025-04-30' },
    dispatches: [dispatch(1, 'skipped', { dueDate: '2025-03-31', reason: 'missed' })],
    today: '2025-04-01',
    expected: { kind: 'scheduled', level: 1, sendDay: '2025-04-27' },
  },
  {
    name: 'provisional skip is retried',
    dispatches: [dispatch(2, 'skipped', { reason: 'no-email' })],
    today: '2025-03-31',
    expected: { kind: 'scheduled', level: 2, sendDay: '2025-03-31' },
  },
  {
    name: 'failed send is retried',
    dispatches: [dispatch(2, 'failed')],
    today: '2025-03-31',
    expected: { kind: 'scheduled', level: 2, sendDay: '2025-03-31' },
  },
  {
    name: 'dispatches of other installments are ignored',
    dispatches: [dispatch(1, 'sent', { installmentId: 11 })],
    today: '2025-03-01',
    expected: { kind: 'scheduled', level: 1, sendDay: '2025-03-28' },
  },
  {
    name: 'overdue installment still gets later levels',
    installment: { status: 'overdue' },
    today: '2025-04-03',
    expected: { kind: 'scheduled', level: 3, sendDay: '2025-04-07' },
  },
  {
    name: 'no level left after the last day',
    today: '2025-04-08',
    expected: { kind: 'none', reason: 'no-level-left' },
  },
  {
    name: 'no level left when all were sent',
    dispatches: [dispatch(1, 'sent'), dispatch(2, 'sent'), dispatch(3, 'sent')],
    today: '2025-03-01',
    expected: { kind: 'none', reason: 'no-level-left' },
  },
  {
    name: 'reminders turned off',
    settings: { enabled: false, offsets: [-3, 0, 7] },
    today: '2025-03-01',
    expected: { kind: 'none', reason: 'reminders-disabled' },
  },
  {
    name: 'paid installment',
    installment: { status: 'paid', residual: '0.00' },
    today: '2025-03-01',
    expected: { kind: 'none', reason: 'paid' },
  },
  {
    name: 'credit note',
    installment: { noReminderReason: 'document-type' },
    today: '2025-03-01',
    expected: { kind: 'none', reason: 'document-type' },
  },
  {
    name: 'installment without due date',
    installment: { dueDate: null, noReminderReason: 'no-due-date' },
    today: '2025-03-01',
    expected: { kind: 'none', reason: 'no-due-date' },
  },
  {
    name: 'installment with nothing due',
    installment: { noReminderReason: 'no-amount-due' },
    today: '2025-03-01',
    expected: { kind: 'none', reason: 'no-amount-due' },
  },
  {
    name: 'day count across the end of February in a leap year',
    installment: { dueDate: '2024-02-27' },
    settings: { enabled: true, offsets: [3] },
    today: '2024-02-01',
    expected: { kind: 'scheduled', level: 1, sendDay: '2024-03-01' },
  },
];

describe('computeNextReminder', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const result = computeNextReminder({
        installment: { ...OPEN_INSTALLMENT, ...testCase.installment },
        settings: testCase.settings ?? ENABLED,
        dispatches: testCase.dispatches ?? [],
        today: testCase.today,
      });

      expect(result).toEqual(testCase.expected);
    });
  }
});
