import { addDays, daysInMonth, fromDayNumber, toDayNumber } from '@solleciti/util';

/** An installment as GET /installments returns it for the calendar. */
export interface AgendaInstallment {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  clientId: number;
  clientName: string;
  position: number;
  count: number;
  dueDate: string;
  amountDue: string;
  amountPaid: string;
  residual: string;
  status: 'paid' | 'open' | 'overdue';
  noReminderReason: string | null;
}

/** A reminder that a future sweep would send (due) or record as skipped, from a dry run of the sweep. */
export interface UpcomingReminder {
  installmentId: number;
  invoiceId: number;
  invoiceNumber: string;
  clientId: number;
  clientName: string;
  level: number;
  dueDate: string;
  status: 'due' | 'skipped';
  reason: string | null;
  recipientCount: number;
}

/**
 * A reminder shown on an agenda day: a coming one from the dry run (due, skipped) on its sweep day,
 * or a recorded one from the history (sent, failed, skipped, sending) on its processing day.
 */
export interface AgendaReminder {
  installmentId: number;
  invoiceId: number;
  invoiceNumber: string;
  clientId: number;
  clientName: string;
  level: number;
  status: 'due' | 'skipped' | 'sent' | 'failed' | 'sending' | 'submitting' | 'retry' | 'uncertain';
  reason: string | null;
}

/** Response of GET /reminders/upcoming for one sweep day. */
export interface UpcomingDay {
  date: string;
  due: number;
  items: UpcomingReminder[];
  /** False when the company's reminders are off. Older API versions leave it out. */
  remindersEnabled?: boolean;
}

/** A day of the agenda with what falls on it. */
export interface AgendaDay {
  date: string;
  dayOfMonth: number;
  /** False for the days of the previous and next month that fill the first and last week. */
  inMonth: boolean;
  isToday: boolean;
  installments: AgendaInstallment[];
  reminders: AgendaReminder[];
}

/** A month as YYYY-MM, e.g. '2017-02'. */
export type YearMonth = string;

export function monthOf(date: string): YearMonth {
  return date.slice(0, 7);
}

export function addMonths(month: YearMonth, months: number): YearMonth {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + months;

  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function firstDayOf(month: YearMonth): string {
  return `${month}-01`;
}

export function lastDayOf(month: YearMonth): string {
  const [year, monthNumber] = month.split('-').map(Number);

  return `${month}-${String(daysInMonth(year, monthNumber)).padStart(2, '0')}`;
}

/** Returns 0 for Monday up to 6 for Sunday, counting from day number 0 (1970-01-01), a Thursday. */
export function weekdayIndex(date: string): number {
  return (toDayNumber(date) + 3) % 7;
}

/** Returns the first and last day of the month grid: from the Monday on or before the 1st to the Sunday on or after the last day. */
export function gridRange(month: YearMonth): { from: string; to: string } {
  const first = firstDayOf(month);
  const last = lastDayOf(month);

  return { from: addDays(first, -weekdayIndex(first)), to: addDays(last, 6 - weekdayIndex(last)) };
}

/**
 * Builds the weeks of a month grid, Monday to Sunday, and puts each installment on its due date
 * and each reminder on its day. Dates stay YYYY-MM-DD strings, so no time zone can
 * move an item to another day.
 */
export function buildMonthGrid(
  month: YearMonth,
  today: string,
  installments: readonly AgendaInstallment[],
  reminderDays: ReadonlyArray<{ date: string; items: readonly AgendaReminder[] }>,
): AgendaDay[][] {
  const { from, to } = gridRange(month);
  const days = new Map<string, AgendaDay>();
  for (let dayNumber = toDayNumber(from); dayNumber <= toDayNumber(to); dayNumber++) {
    const date = fromDayNumber(dayNumber);
    days.set(date, {
      date,
      dayOfMonth: Number(date.slice(8, 10)),
      inMonth: monthOf(date) === month,
      isToday: date === today,
      installments: [],
      reminders: [],
    });
  }

  for (const installment of installments) {
    // A credit note or self-invoice has a due date in the file but nothing to collect.
    if (installment.noReminderReason !== 'document-type') {
      days.get(installment.dueDate)?.installments.push(installment);
    }
  }
  for (const reminderDay of reminderDays) {
    days.get(reminderDay.date)?.reminders.push(...reminderDay.items);
  }

  const weeks: AgendaDay[][] = [];
  const ordered = [...days.values()];
  for (let start = 0; start < ordered.length; start += 7) {
    weeks.push(ordered.slice(start, start + 7));
  }

  return weeks;
}

/** Returns the Italian label of an installment's state: Pagata, Da pagare or Scaduta. */
export function installmentStatusLabel(status: string): string {
  switch (status) {
    case 'paid':
      return $localize`:Installment state, fully paid@@agenda.status.paid:Pagata`;
    case 'overdue':
      return $localize`:Installment state, past its due date and not fully paid@@agenda.status.overdue:Scaduta`;
    default:
      return $localize`:Installment state, not yet due and not fully paid@@agenda.status.open:Da pagare`;
  }
}

/** Returns the one-character symbol that goes with the state's colour, so the state does not depend on colour alone. */
export function installmentStatusSymbol(status: string): string {
  switch (status) {
    case 'paid':
      return '✓';
    case 'overdue':
      return '!';
    default:
      return '○';
  }
}

/**
 * Keeps each coming reminder on the first day it appears and leaves out the missed ones. A reminder
 * skipped for a missing address or an excluded client is evaluated again on every day of its
 * catch-up window, but it is one reminder. A missed one is only recorded, never sent.
 */
export function firstOccurrences(days: readonly UpcomingDay[]): UpcomingDay[] {
  const seen = new Set<string>();

  return days.map((day) => ({
    ...day,
    items: day.items.filter((item) => {
      const key = `${item.installmentId}/${item.level}/${item.dueDate}`;
      if (item.reason === 'missed' || seen.has(key)) {
        return false;
      }
      seen.add(key);

      return true;
    }),
  }));
}
