import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { AgendaDay } from './agenda-data';
import { AgendaDatePipe } from './agenda-format';
import { AgendaInstallmentChip } from './agenda-installment';
import { AgendaReminderLine } from './agenda-reminder';

/** List view of the month: only the days of the month that have installments or reminders, in order. */
@Component({
  selector: 'sol-agenda-list',
  imports: [AgendaDatePipe, AgendaInstallmentChip, AgendaReminderLine],
  template: `
    @for (day of days(); track day.date) {
      <section class="list-day" [attr.data-date]="day.date">
        <h3 class="list-day-title">
          {{ day.date | agendaDate: 'day' }}
          @if (day.isToday) {
            <span class="list-today" i18n="Marks today in the agenda list@@agenda.list.today">(oggi)</span>
          }
        </h3>
        @for (installment of day.installments; track installment.id) {
          <sol-agenda-installment [installment]="installment" />
        }
        @for (reminder of day.reminders; track $index) {
          <sol-agenda-reminder [reminder]="reminder" />
        }
      </section>
    } @empty {
      <p class="list-empty" i18n="Agenda list with nothing in the month@@agenda.list.empty">Nessuna scadenza e nessun sollecito in questo mese.</p>
    }
  `,
  styles: `
    .list-day {
      max-width: 720px;
      padding: 8px 0 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }

    .list-day-title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }

    .list-today,
    .list-empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaList {
  readonly weeks = input.required<AgendaDay[][]>();

  protected readonly days = computed(() =>
    this.weeks()
      .flat()
      .filter((day) => day.inMonth && (day.installments.length > 0 || day.reminders.length > 0)),
  );
}
