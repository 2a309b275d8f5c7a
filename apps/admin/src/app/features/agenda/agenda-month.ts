import { ChangeDetectionStrategy, Component, LOCALE_ID, inject, input } from '@angular/core';

import { AgendaDay } from './agenda-data';
import { AgendaDatePipe, capitalize, weekdayNames } from './agenda-format';
import { AgendaInstallmentChip } from './agenda-installment';
import { AgendaReminderLine } from './agenda-reminder';

/** Month grid, Monday to Sunday, with each day's installments and reminders. */
@Component({
  selector: 'sol-agenda-month',
  imports: [AgendaDatePipe, AgendaInstallmentChip, AgendaReminderLine],
  templateUrl: './agenda-month.html',
  styleUrl: './agenda-month.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaMonth {
  readonly weeks = input.required<AgendaDay[][]>();

  private readonly locale = inject(LOCALE_ID);
  protected readonly weekdays = weekdayNames(this.locale, 'short').map(capitalize);
}
