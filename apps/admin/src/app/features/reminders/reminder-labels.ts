/** Status of a recorded reminder: being sent, sent, failed after its retries, or skipped. */
export type ReminderStatus = 'sending' | 'sent' | 'failed' | 'skipped';

export const REMINDER_STATUSES: readonly ReminderStatus[] = ['sent', 'failed', 'skipped', 'sending'];

/** Returns the Italian label of a reminder status, e.g. "Inviato". */
export function reminderStatusLabel(status: string): string {
  switch (status) {
    case 'sent':
      return $localize`:Reminder status, the e-mail went out@@reminders.status.sent:Inviato`;
    case 'failed':
      return $localize`:Reminder status, sending failed after every attempt@@reminders.status.failed:Non riuscito`;
    case 'skipped':
      return $localize`:Reminder status, not sent on purpose, see the reason@@reminders.status.skipped:Saltato`;
    case 'sending':
      return $localize`:Reminder status, the e-mail is being sent@@reminders.status.sending:In invio`;
    default:
      return status;
  }
}

/** Returns the symbol shown before a status label, so the status does not depend on colour alone. */
export function reminderStatusIcon(status: string): string {
  switch (status) {
    case 'sent':
      return '✓';
    case 'failed':
      return '✕';
    case 'skipped':
      return '⤼';
    default:
      return '…';
  }
}

/**
 * Returns the Italian text of why a reminder was or will be skipped: missed (its day passed with no
 * sweep beyond the catch-up days), no-email (the client has no address) or excluded (the client is
 * excluded from reminders). Returns null for no reason, and the code itself for an unknown one.
 */
export function reminderReasonLabel(reason: string | null | undefined): string | null {
  switch (reason) {
    case null:
    case undefined:
    case '':
      return null;
    case 'missed':
      return $localize`:Skip reason, the reminder's day passed with no sweep@@reminders.reason.missed:Giorno mancato`;
    case 'no-email':
      return $localize`:Skip reason, the client has no e-mail address@@reminders.reason.noEmail:Nessun indirizzo e-mail`;
    case 'excluded':
      return $localize`:Skip reason, the client is excluded from reminders@@reminders.reason.excluded:Cliente escluso`;
    case 'claimed-elsewhere':
      return $localize`:Skip reason, another sweep process took this reminder@@reminders.reason.claimedElsewhere:Già gestito da un altro invio`;
    default:
      return reason;
  }
}

/** Returns the Italian name of a reminder level, e.g. "2° sollecito". */
export function reminderLevelLabel(level: number): string {
  return $localize`:Reminder level, e.g. 1° sollecito@@reminders.level:${level}:level:° sollecito`;
}
