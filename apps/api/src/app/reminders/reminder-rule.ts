import { addDays, daysBetween, IN_FLIGHT_OR_SENT_STATUSES, PlainDate, PROVISIONAL_SKIP_REASONS } from '@solleciti/util';

import { DispatchStatus, FailureReason, RetryReason, SkipReason } from './reminder-dispatch.entity';

/** A dispatch record of one installment, for any of its due dates. */
export interface RecordedDispatch {
  level: number;
  dueDate: PlainDate;
  status: DispatchStatus;
  reason: SkipReason | FailureReason | RetryReason | null;
  /** The sweep day that wrote the record last; absent for what a dry run remembers. */
  processedDay?: PlainDate;
}

export interface ReminderPlanInput {
  /** The sweep's day in the reminder time zone. */
  today: PlainDate;
  dueDate: PlainDate;
  /** Days from the due date of reminders 1..n, strictly increasing. */
  offsets: readonly number[];
  catchUpDays: number;
  /**
   * The earliest send day this sweep looks at. Days before it were looked at by an earlier sweep,
   * so their levels are left as that sweep recorded them.
   */
  horizonStart: PlainDate;
  recorded: readonly RecordedDispatch[];
}

export interface ReminderDecision {
  level: number;
  offsetDays: number;
  sendDay: PlainDate;
  /** send: the reminder goes out today (if the client can get it); missed: recorded as skipped. */
  action: 'send' | 'missed';
}


/**
 * Returns true for a record that the sweep of `today` may replace while the reminder is inside its
 * catch-up window. That is a provisional skip, or a send that failed for a temporary reason on an
 * earlier day, which starts a new round of attempts. A message the server rejected (5xx) stays
 * failed because it would be rejected again, and so does one that used up its attempts today.
 */
export function isProvisional(dispatch: Pick<RecordedDispatch, 'status' | 'reason' | 'processedDay'>, today: PlainDate): boolean {
  if (dispatch.status === 'failed') {
    return dispatch.reason !== 'rejected' && (dispatch.processedDay === undefined || dispatch.processedDay < today);
  }

  return (
    dispatch.status === 'skipped' &&
    dispatch.reason !== null &&
    PROVISIONAL_SKIP_REASONS.includes(dispatch.reason)
  );
}

/**
 * Decides which reminders of one open installment the sweep of `today` sends or records as missed.
 *
 * Reminder k is due on dueDate + offsets[k-1]. Each level goes out at most once per installment:
 * a level sent for an earlier due date is not sent again when the due date moves, while levels
 * not yet sent follow the new date. When days were missed, only the highest level whose day lies
 * within `catchUpDays` goes out and the older ones are recorded as missed, so the client never gets
 * a burst. A reminder meant for before the due date is never sent on or after it.
 */
export function planInstallmentReminders(input: ReminderPlanInput): ReminderDecision[] {
  const pending: ReminderDecision[] = [];
  const provisionalLevels = new Set<number>();

  input.offsets.forEach((offsetDays, index) => {
    const level = index + 1;
    const sendDay = addDays(input.dueDate, offsetDays);

    if (sendDay > input.today || sendDay < input.horizonStart) {
      return;
    }

    const recordedForLevel = input.recorded.filter((dispatch) => dispatch.level === level);
    const sentBefore = recordedForLevel.some((dispatch) => IN_FLIGHT_OR_SENT_STATUSES.includes(dispatch.status));
    const current = recordedForLevel.find((dispatch) => dispatch.dueDate === input.dueDate);

    if (sentBefore || (current !== undefined && !isProvisional(current, input.today))) {
      return;
    }
    if (current !== undefined) {
      provisionalLevels.add(level);
    }

    pending.push({ level, offsetDays, sendDay, action: 'missed' });
  });

  if (pending.length === 0) {
    return [];
  }

  const latest = pending[pending.length - 1];
  const daysLate = daysBetween(latest.sendDay, input.today);
  const beforeDueButTooLate = latest.offsetDays < 0 && input.today >= input.dueDate;
  if (daysLate <= input.catchUpDays && !beforeDueButTooLate) {
    latest.action = 'send';
  }

  // A provisional record that was not picked stays as it is: its status is more precise than "missed".
  return pending.filter((decision) => decision.action === 'send' || !provisionalLevels.has(decision.level));
}
