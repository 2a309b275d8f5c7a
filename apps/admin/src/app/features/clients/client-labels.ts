import type { ClientKind, ReminderDispatchResponse } from '@solleciti/dto';

/** Italian names of the client kinds, as the list, the form and the Riepilogo show them. */
export const CLIENT_KIND_LABELS: Record<ClientKind, string> = {
  person: $localize`:Client kind, a private person@@clients.kind.person:Privato`,
  company: $localize`:Client kind, a business@@clients.kind.company:Azienda`,
  'public-administration': $localize`:Client kind, a public body@@clients.kind.publicAdministration:Pubblica Amministrazione`,
};

/** Names of the states of a sent reminder. */
export const REMINDER_STATUS_LABELS: Record<ReminderDispatchResponse['status'], string> = {
  sending: $localize`:Reminder state, being sent@@clients.reminderStatus.sending:In invio`,
  submitting: $localize`:Reminder state, the mail server is receiving it now@@clients.reminderStatus.submitting:In consegna al server`,
  retry: $localize`:Reminder state, another attempt is scheduled after a temporary error@@clients.reminderStatus.retry:In nuovo tentativo`,
  uncertain: $localize`:Reminder state, delivery unknown because the program stopped while handing it over@@clients.reminderStatus.uncertain:Da verificare`,
  sent: $localize`:Reminder state, sent@@clients.reminderStatus.sent:Inviato`,
  failed: $localize`:Reminder state, sending failed@@clients.reminderStatus.failed:Non riuscito`,
  skipped: $localize`:Reminder state, not sent on purpose@@clients.reminderStatus.skipped:Non inviato`,
};

/** Label of the reminder exclusion flag: Attivi when reminders are sent, Esclusi otherwise. */
export function remindersStateLabel(remindersDisabled: boolean): string {
  return remindersDisabled
    ? $localize`:Reminders state of a client excluded from automatic reminders@@clients.reminders.excluded:Esclusi`
    : $localize`:Reminders state of a client that receives automatic reminders@@clients.reminders.active:Attivi`;
}
