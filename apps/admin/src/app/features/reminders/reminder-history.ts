import { HttpParams, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, LOCALE_ID, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { PageResponse, ReminderDispatchResponse } from '@solleciti/dto';
import { isPlainDate } from '@solleciti/util';

import { CompanyContext } from '../../core/company-context';
import { PlainDatePipe } from '../../core/formatting';
import { describeHttpError } from '../../core/http-error';
import { httpErrorOf } from './resource-error';
import { REMINDER_STATUSES, reminderLevelLabel, reminderReasonLabel, reminderStatusIcon, reminderStatusLabel } from './reminder-labels';

/** Filters of the history, as the API's query parameters take them. An empty string means no filter. */
interface HistoryFilters {
  status: string;
  from: string;
  to: string;
  clientId: string;
  /** 'true' keeps only reminders with recipients the server rejected. */
  rejectedRecipients: '' | 'true';
}

const EMPTY_FILTERS: HistoryFilters = { status: '', from: '', to: '', clientId: '', rejectedRecipients: '' };
const DEFAULT_PAGE_SIZE = 25;

/**
 * Storico solleciti: every reminder the sweep sent, failed to send or skipped, newest first, with
 * filters on status, processing day and client, paged by the API.
 */
@Component({
  selector: 'sol-reminder-history',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatSelect,
    MatTableModule,
    PlainDatePipe,
  ],
  templateUrl: './reminder-history.html',
  styleUrl: './reminder-history.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderHistory implements OnInit {
  private readonly companyContext = inject(CompanyContext);
  private readonly timeFormat = new Intl.DateTimeFormat(inject(LOCALE_ID), {
    timeZone: 'Europe/Rome',
    hour: '2-digit',
    minute: '2-digit',
  });
  // Day first in the English build too, as the plain dates next to it are.
  private readonly dateTimeFormat = new Intl.DateTimeFormat(inject(LOCALE_ID).startsWith('en') ? 'en-GB' : inject(LOCALE_ID), {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

  /** Client filter applied when the page opens, from the `clientId` query parameter, e.g. /solleciti?clientId=12. */
  readonly clientId = input<string | undefined>();

  /** Status filter applied when the page opens, from the `status` query parameter, e.g. /solleciti?status=failed. */
  readonly status = input<string | undefined>();

  /** Applied when the page opens with ?rejectedRecipients=true: only reminders with rejected addresses. */
  readonly rejectedRecipients = input<string | undefined>();

  protected readonly statuses = REMINDER_STATUSES;
  protected readonly statusLabel = reminderStatusLabel;
  protected readonly statusIcon = reminderStatusIcon;
  protected readonly levelLabel = reminderLevelLabel;
  protected readonly columns = ['day', 'client', 'invoice', 'position', 'level', 'recipients', 'status', 'reason'];

  protected readonly form = new FormGroup({
    status: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
    clientId: new FormControl('', { nonNullable: true }),
    rejectedRecipients: new FormControl(false, { nonNullable: true }),
  });

  /** Filters of the last search, or null until the user searches, so that the query parameter applies. */
  private readonly appliedFilters = signal<HistoryFilters | null>(null);
  protected readonly filters = computed(
    () =>
      this.appliedFilters() ?? {
        ...EMPTY_FILTERS,
        clientId: this.clientId() ?? '',
        status: this.initialStatus(),
        rejectedRecipients: this.rejectedRecipients() === 'true' ? 'true' : '',
      },
  );
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly formError = signal<string | null>(null);

  protected readonly history = httpResource<PageResponse<ReminderDispatchResponse>>(() => ({
    url: this.companyContext.apiUrl('/reminders'),
    params: this.queryParams(),
  }));

  protected readonly rows = computed(() => (this.history.hasValue() ? this.history.value().items : []));
  protected readonly total = computed(() => (this.history.hasValue() ? this.history.value().total : 0));
  protected readonly loadError = computed(() => {
    const error = this.history.error();

    return error ? describeHttpError(httpErrorOf(error)) : null;
  });

  ngOnInit(): void {
    const clientId = this.clientId();
    if (clientId) {
      this.form.controls.clientId.setValue(clientId);
    }
    this.form.controls.status.setValue(this.initialStatus());
    this.form.controls.rejectedRecipients.setValue(this.rejectedRecipients() === 'true');
  }

  /** Returns the status from the query parameter when it is a known one, otherwise no filter. */
  private initialStatus(): string {
    const status = this.status() ?? '';

    return (REMINDER_STATUSES as readonly string[]).includes(status) ? status : '';
  }

  protected search(): void {
    const raw = this.form.getRawValue();
    const filters: HistoryFilters = { ...raw, rejectedRecipients: raw.rejectedRecipients ? 'true' : '' };
    const error = validateFilters(filters);
    this.formError.set(error);
    if (error) {
      return;
    }

    this.appliedFilters.set({ ...filters, clientId: filters.clientId.trim() });
    this.pageIndex.set(0);
  }

  protected clearFilters(): void {
    this.form.reset();
    this.formError.set(null);
    this.appliedFilters.set({ ...EMPTY_FILTERS });
    this.pageIndex.set(0);
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected reasonText(row: ReminderDispatchResponse): string {
    const error = row.lastError ?? $localize`:Failed reminder with no recorded error@@reminders.history.noError:Errore non registrato`;

    if (row.status === 'failed') {
      const failure = $localize`:Failure text, error and number of attempts@@reminders.history.failedReason:${error}:error: (tentativi: ${row.attempts}:attempts:)`;
      const reason = reminderReasonLabel(row.reason);

      return reason ? `${reason}: ${failure}` : failure;
    }
    if (row.status === 'retry') {
      const time = row.nextAttemptAt ? this.dateTimeFormat.format(new Date(row.nextAttemptAt)) : '—';
      const reason = reminderReasonLabel(row.reason);
      const cause = [reason, row.lastError].filter(Boolean).join(': ') || error;

      return $localize`:Reminder waiting for another attempt, with the last error and the time of the next attempt@@reminders.history.retryReason:${cause}:error: — prossimo tentativo ${time}:time:`;
    }
    if (row.status === 'uncertain') {
      const cause = reminderReasonLabel(row.reason) ?? reminderReasonLabel('interrupted');
      const messageId = row.messageId ?? '—';

      return $localize`:Reminder whose delivery is unknown, with the cause and its Message-ID to look up in the mail server's log@@reminders.history.uncertainReason:${cause}:cause:. Potrebbe essere arrivato: cercare nel registro del server di posta il Message-ID ${messageId}:messageId:. Non verrà reinviato.`;
    }

    return reminderReasonLabel(row.reason) ?? '—';
  }

  /** Returns the recipients the server rejected, each with its reply, or null when there are none. */
  protected rejectedRecipientsText(row: ReminderDispatchResponse): string | null {
    if (row.recipientErrors.length === 0) {
      return null;
    }

    const list = row.recipientErrors.map((error) => `${error.recipient} (${error.response})`).join('; ');

    return $localize`:Recipients the mail server rejected, with its replies@@reminders.history.rejectedRecipients:Indirizzi rifiutati: ${list}:list:`;
  }

  protected sentTime(row: ReminderDispatchResponse): string | null {
    if (!row.sentAt) {
      return null;
    }
    const instant = new Date(row.sentAt);

    return Number.isNaN(instant.getTime()) ? null : this.timeFormat.format(instant);
  }

  private queryParams(): HttpParams {
    const filters = this.filters();
    let params = new HttpParams().set('page', this.pageIndex() + 1).set('pageSize', this.pageSize());
    for (const key of ['status', 'from', 'to', 'clientId', 'rejectedRecipients'] as const) {
      if (filters[key]) {
        params = params.set(key, filters[key]);
      }
    }

    return params;
  }
}

/** Returns what is wrong with the filters in words for the user, or null when they can be sent. */
function validateFilters(filters: HistoryFilters): string | null {
  if ((filters.from && !isPlainDate(filters.from)) || (filters.to && !isPlainDate(filters.to))) {
    return $localize`:Filter error for a date that is not a calendar date@@reminders.history.invalidDate:Inserisci date valide (gg/mm/aaaa).`;
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    return $localize`:Filter error for an end date before the start date@@reminders.history.invalidRange:La data finale precede quella iniziale.`;
  }
  if (filters.clientId.trim() && !/^[1-9]\d*$/.test(filters.clientId.trim())) {
    return $localize`:Filter error for a client id that is not a positive whole number@@reminders.history.invalidClient:Il codice cliente deve essere un numero intero positivo.`;
  }

  return null;
}
