import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { reminderLevelLabel, reminderReasonLabel } from '../reminders/reminder-labels';
import { AgendaReminder } from './agenda-data';

/** One reminder of an agenda day, e.g. "1° sollecito inviato · FT 12 · Rossi Srl", cut after two lines with the whole text as tooltip. */
@Component({
  selector: 'sol-agenda-reminder',
  template: `<span class="agenda-reminder-icon" aria-hidden="true">✉</span> {{ text() }}`,
  styles: `
    :host {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      overflow: hidden;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  host: { '[attr.title]': 'text()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaReminderLine {
  readonly reminder = input.required<AgendaReminder>();

  protected readonly text = computed(() => {
    const reminder = this.reminder();
    const level = reminderLevelLabel(reminder.level);

    return `${level} ${agendaReminderOutcome(reminder)} · ${reminder.invoiceNumber} · ${reminder.clientName}`;
  });
}

/** Returns what happens or happened to a reminder, e.g. "da inviare" or "saltato: Cliente escluso". */
export function agendaReminderOutcome(reminder: AgendaReminder): string {
  const reason = reminderReasonLabel(reminder.reason);
  switch (reminder.status) {
    case 'due':
      return $localize`:Agenda reminder that the sweep will send@@agenda.reminder.due:da inviare`;
    case 'sent':
      return $localize`:Agenda reminder that was sent@@agenda.reminder.sent:inviato`;
    case 'failed':
      return $localize`:Agenda reminder whose sending failed@@agenda.reminder.failed:non riuscito`;
    case 'sending':
    case 'submitting':
      return $localize`:Agenda reminder being sent@@agenda.reminder.sending:in invio`;
    case 'retry':
      return $localize`:Agenda reminder waiting for another attempt after a temporary error@@agenda.reminder.retry:in nuovo tentativo`;
    case 'uncertain':
      return $localize`:Agenda reminder whose delivery is unknown@@agenda.reminder.uncertain:da verificare`;
    default:
      return reason
        ? $localize`:Agenda reminder skipped, with the reason@@agenda.reminder.skippedReason:saltato (${reason}:reason:)`
        : $localize`:Agenda reminder skipped@@agenda.reminder.skipped:saltato`;
  }
}
