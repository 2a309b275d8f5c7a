import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';

import { CompanyContext } from '../../core/company-context';
import { PlainDatePipe } from '../../core/formatting';
import { describeHttpError } from '../../core/http-error';
import { reminderLevelLabel, reminderReasonLabel } from '../reminders/reminder-labels';
import { httpErrorOf } from '../reminders/resource-error';
import { AgendaApi } from './agenda-api';

/**
 * Box "Domani partiranno N solleciti": what the next nightly sweep will send, and what it will skip
 * with the reason, from the API's dry run of tomorrow's sweep.
 */
@Component({
  selector: 'sol-tomorrow-reminders',
  imports: [MatTableModule, PlainDatePipe, RouterLink],
  templateUrl: './tomorrow-reminders.html',
  styleUrl: './tomorrow-reminders.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TomorrowReminders {
  private readonly api = inject(AgendaApi);
  private readonly companyContext = inject(CompanyContext);

  protected readonly levelLabel = reminderLevelLabel;
  protected readonly columns = ['client', 'invoice', 'installment', 'level', 'outcome'];

  protected readonly tomorrow = rxResource({
    params: () => ({ companyId: this.companyContext.currentId() }),
    stream: () => this.api.tomorrow(),
  });

  protected readonly due = computed(() => (this.tomorrow.hasValue() ? this.tomorrow.value().due : 0));
  // Missed reminders are only recorded by the sweep, never sent, so they are not listed here.
  protected readonly items = computed(() =>
    this.tomorrow.hasValue() ? this.tomorrow.value().items.filter((item) => item.reason !== 'missed') : [],
  );
  protected readonly disabled = computed(() => this.tomorrow.hasValue() && this.tomorrow.value().remindersEnabled === false);
  protected readonly loadError = computed(() => {
    const error = this.tomorrow.error();

    return error ? describeHttpError(httpErrorOf(error)) : null;
  });

  protected outcome(status: string, reason: string | null): string {
    if (status === 'due') {
      return $localize`:Tomorrow's reminder that will be sent@@agenda.tomorrow.willSend:Sarà inviato`;
    }
    const reasonText = reminderReasonLabel(reason);

    return reasonText
      ? $localize`:Tomorrow's reminder that will be skipped, with the reason@@agenda.tomorrow.willSkipReason:Sarà saltato, ${reasonText}:reason:`
      : $localize`:Tomorrow's reminder that will be skipped@@agenda.tomorrow.willSkip:Sarà saltato`;
  }
}
