/**
 * Returns the "Giorni" dropdown text of a reminder offset: days from the installment's due date,
 * negative before it and 0 on the day itself ("3 giorni prima della scadenza").
 */
export function describeReminderOffset(offset: number): string {
  const days = Math.abs(offset);

  if (offset === 0) {
    return $localize`:Reminder sent on the due date@@settings.reminders.offset.dueDate:Il giorno della scadenza`;
  }
  if (offset === -1) {
    return $localize`:Reminder sent one day before the due date@@settings.reminders.offset.oneDayBefore:1 giorno prima della scadenza`;
  }
  if (offset === 1) {
    return $localize`:Reminder sent one day after the due date@@settings.reminders.offset.oneDayAfter:1 giorno dopo la scadenza`;
  }
  if (offset < 0) {
    return $localize`:Reminder sent several days before the due date@@settings.reminders.offset.daysBefore:${days}:days: giorni prima della scadenza`;
  }

  return $localize`:Reminder sent several days after the due date@@settings.reminders.offset.daysAfter:${days}:days: giorni dopo la scadenza`;
}
