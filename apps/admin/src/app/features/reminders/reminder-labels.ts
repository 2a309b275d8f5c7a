import { ReminderDispatchStatus } from '@solleciti/dto';

/** Statuses in the order the history's filter lists them: outcomes first, then the ones in progress. */
export const REMINDER_STATUSES: readonly ReminderDispatchStatus[] = [
  'sent',
  'failed',
  'retry',
  'uncertain',
  'skipped',
  'sending',
  'submitting',
];

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
    case 'submitting':
      return $localize`:Reminder status, the mail server is receiving the e-mail now@@reminders.status.submitting:In consegna al server`;
    case 'retry':
      return $localize`:Reminder status, a temporary error, another attempt is scheduled@@reminders.status.retry:In nuovo tentativo`;
    case 'uncertain':
      return $localize`:Reminder status, the program stopped while handing the e-mail over, so it may or may not have arrived@@reminders.status.uncertain:Da verificare`;
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
    case 'retry':
      return '↻';
    case 'uncertain':
      return '?';
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
    case 'paid':
      return $localize`:Skip reason, the installment was paid before a retry@@reminders.reason.paid:Rata pagata nel frattempo`;
    case 'rejected':
      return $localize`:Failure reason, the mail server rejected the e-mail for good (5xx)@@reminders.reason.rejected:Rifiutato dal server di posta`;
    case 'retries-exhausted':
      return $localize`:Failure reason, every retry failed@@reminders.reason.retriesExhausted:Tentativi esauriti`;
    case 'interrupted':
      return $localize`:Retry reason, the program stopped while sending@@reminders.reason.interrupted:Invio interrotto dall'arresto del programma`;
    case 'connection-lost':
      return $localize`:Reason, the connection to the mail server broke after the message was sent to it@@reminders.reason.connectionLost:Connessione al server di posta interrotta dopo l'invio del messaggio`;
    case 'server-paused':
      return $localize`:Retry reason, the mail server failed several times in a row so it was not tried@@reminders.reason.serverPaused:Non tentato: il server di posta ha dato errore più volte di seguito`;
    default:
      return reason;
  }
}

/** Returns the Italian name of a reminder level, e.g. "2° sollecito". */
export function reminderLevelLabel(level: number): string {
  return $localize`:Reminder level, e.g. 1° sollecito@@reminders.level:${level}:level:° sollecito`;
}
