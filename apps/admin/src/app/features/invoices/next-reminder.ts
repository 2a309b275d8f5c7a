import { InstallmentResponse, ReminderDispatchResponse } from '@solleciti/dto';
import { addDays, IN_FLIGHT_OR_SENT_STATUSES, PlainDate, PROVISIONAL_SKIP_REASONS, toCents } from '@solleciti/util';

/** Reason why an installment has no next reminder. */
export type NoNextReminderReason =
  | 'reminders-disabled'
  | 'paid'
  | 'document-type'
  | 'no-due-date'
  | 'no-amount-due'
  | 'no-level-left';

export type NextReminder =
  | { kind: 'scheduled'; level: number; sendDay: PlainDate }
  | { kind: 'none'; reason: NoNextReminderReason };

export interface NextReminderInput {
  installment: Pick<InstallmentResponse, 'id' | 'dueDate' | 'residual' | 'status' | 'noReminderReason'>;
  settings: { enabled: boolean; offsets: readonly number[] };
  /** The installment's dispatch records, for any due date it had. */
  dispatches: ReadonlyArray<Pick<ReminderDispatchResponse, 'installmentId' | 'level' | 'dueDate' | 'status' | 'reason'>>;
  today: PlainDate;
}

/**
 * Computes the next reminder of an installment: the first level whose send day (due date plus
 * the level's offset) is today or later and that was not sent yet. A level counts as done once it
 * was sent for any due date, or was skipped for the current due date for a reason the sweep does
 * not retry, the same rule the sweep applies.
 *
 * NOTE: the sweep's catch-up of missed days and the client's own exclusions are not known here,
 * so the result is the reminder planned by the settings, which the sweep may still skip.
 */
export function computeNextReminder(input: NextReminderInput): NextReminder {
  const { installment, settings } = input;

  if (installment.noReminderReason === 'document-type') {
    return { kind: 'none', reason: 'document-type' };
  }
  if (installment.status === 'paid' || toCents(installment.residual) <= 0) {
    return { kind: 'none', reason: 'paid' };
  }
  if (installment.noReminderReason === 'no-due-date' || installment.dueDate === null) {
    return { kind: 'none', reason: 'no-due-date' };
  }
  if (installment.noReminderReason === 'no-amount-due') {
    return { kind: 'none', reason: 'no-amount-due' };
  }
  if (!settings.enabled) {
    return { kind: 'none', reason: 'reminders-disabled' };
  }

  const dueDate = installment.dueDate;
  const dispatches = input.dispatches.filter((dispatch) => dispatch.installmentId === installment.id);

  for (const [index, offset] of settings.offsets.entries()) {
    const level = index + 1;
    const sendDay = addDays(dueDate, offset);
    if (sendDay < input.today) {
      continue;
    }

    const forLevel = dispatches.filter((dispatch) => dispatch.level === level);
    const sentBefore = forLevel.some((dispatch) => IN_FLIGHT_OR_SENT_STATUSES.includes(dispatch.status));
    const skippedForGood = forLevel.some(
      (dispatch) =>
        dispatch.dueDate === dueDate &&
        dispatch.status === 'skipped' &&
        !PROVISIONAL_SKIP_REASONS.includes(dispatch.reason ?? ''),
    );
    if (!sentBefore && !skippedForGood) {
      return { kind: 'scheduled', level, sendDay };
    }
  }

  return { kind: 'none', reason: 'no-level-left' };
}

export const NO_NEXT_REMINDER_LABELS: Readonly<Record<NoNextReminderReason, string>> = {
  'reminders-disabled': $localize`:No next reminder because reminders are off@@invoices.nextReminder.none.disabled:Nessuno: solleciti disattivati nelle impostazioni`,
  paid: $localize`:No next reminder because the installment is paid@@invoices.nextReminder.none.paid:Nessuno: rata pagata`,
  'document-type': $localize`:No next reminder for a credit note or self-invoice@@invoices.nextReminder.none.documentType:Nessuno: questo tipo di documento non riceve solleciti`,
  'no-due-date': $localize`:No next reminder because the installment has no due date@@invoices.nextReminder.none.noDueDate:Nessuno: la rata non ha una scadenza`,
  'no-amount-due': $localize`:No next reminder because nothing is due@@invoices.nextReminder.none.noAmountDue:Nessuno: nessun importo da incassare`,
  'no-level-left': $localize`:No next reminder because every level was sent or its day has passed@@invoices.nextReminder.none.noLevelLeft:Nessuno: tutti i solleciti previsti sono stati inviati o la loro data è passata`,
};
