import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  InstallmentResponse,
  InvoiceDetailResponse,
  ReminderDispatchResponse,
  ReminderSettingsResponse,
} from '@solleciti/dto';
import { formatDateDdMmYyyy, toCents, todayInTimeZone } from '@solleciti/util';
import { catchError, forkJoin, map, of } from 'rxjs';

import { CompanyContext } from '../../../core/company-context';
import { MoneyPipe, PlainDatePipe } from '../../../core/formatting';
import { describeHttpError } from '../../../core/http-error';
import { CourtesyCopyDialog } from '../dialogs/courtesy-copy-dialog';
import { DueDateDialog } from '../dialogs/due-date-dialog';
import { PaymentDialog } from '../dialogs/payment-dialog';
import { formatDecimalIt } from '../decimal-format';
import { INSTALLMENT_STATUS_LABELS, documentTypeLabel, paymentMethodLabel } from '../invoice-labels';
import { InvoicesApi, MAX_PAGE_SIZE } from '../invoices-api';
import { NO_NEXT_REMINDER_LABELS, NextReminder, computeNextReminder } from '../next-reminder';

/**
 * Time zone of the reminder sweep's calendar days. NOTE: the API reads it from REMINDER_TIME_ZONE
 * and does not expose it, so the admin assumes the Italian default.
 */
const REMINDER_TIME_ZONE = 'Europe/Rome';

interface SentReminder {
  level: number;
  day: string;
  status: ReminderDispatchResponse['status'];
  reason: string | null;
}

interface InstallmentRow {
  installment: InstallmentResponse;
  statusLabel: string;
  paymentMethodLabel: string;
  reminders: SentReminder[];
  nextReminder: NextReminder;
  nextReminderText: string;
  canReceivePayment: boolean;
}

/** Invoice page: header, lines, VAT summary, installments with their reminders, and the installment actions. */
@Component({
  selector: 'sol-invoice-detail',
  imports: [MatButton, MatProgressBar, MatTableModule, MoneyPipe, PlainDatePipe, RouterLink],
  templateUrl: './invoice-detail.html',
  styleUrl: './invoice-detail.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceDetail {
  private readonly api = inject(InvoicesApi);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  private readonly companyContext = inject(CompanyContext);

  /** Invoice id from the route's `:id`. */
  readonly id = input.required<string>();

  protected readonly invoice = signal<InvoiceDetailResponse | null>(null);
  protected readonly settings = signal<ReminderSettingsResponse | null>(null);
  protected readonly dispatches = signal<ReminderDispatchResponse[]>([]);
  /** True when the client has more dispatches than one request returns, so older ones may be missing. */
  protected readonly dispatchesTruncated = signal(false);
  protected readonly remindersError = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly courtesyCopyLoading = signal(false);
  protected readonly courtesyCopyError = signal<string | null>(null);

  protected readonly installmentColumns = ['position', 'dueDate', 'amount', 'paid', 'residual', 'status', 'reminders', 'next', 'actions'];
  protected readonly lineColumns = ['description', 'quantity', 'unitPrice', 'vat', 'total'];
  protected readonly vatColumns = ['rate', 'taxable', 'tax'];
  protected readonly formatDecimalIt = formatDecimalIt;

  protected readonly typeLabel = computed(() => documentTypeLabel(this.invoice()?.documentType ?? ''));

  protected readonly status = computed<'paid' | 'overdue' | 'open' | null>(() => {
    const invoice = this.invoice();
    if (invoice === null) {
      return null;
    }
    if (toCents(invoice.residual) <= 0) {
      return 'paid';
    }

    return invoice.installments.some((installment) => installment.status === 'overdue') ? 'overdue' : 'open';
  });

  protected readonly statusLabel = computed(() => {
    const status = this.status();
    if (status === 'paid') {
      return $localize`:Status of an invoice with nothing left to collect@@invoices.listStatus.paid:Saldata`;
    }
    if (status === 'overdue') {
      return $localize`:Status of an invoice with an overdue installment@@invoices.detail.status.overdue:Scaduta`;
    }

    return status === 'open' ? $localize`:Status of an invoice with an amount left to collect@@invoices.listStatus.open:Da incassare` : '';
  });

  protected readonly installmentRows = computed<InstallmentRow[]>(() => {
    const invoice = this.invoice();
    if (invoice === null) {
      return [];
    }

    const settings = this.settings();
    const today = todayInTimeZone(REMINDER_TIME_ZONE);
    const dispatches = this.dispatches().filter((dispatch) => dispatch.invoiceId === invoice.id);

    return invoice.installments.map((installment) => {
      const own = dispatches.filter((dispatch) => dispatch.installmentId === installment.id);
      const nextReminder: NextReminder = settings
        ? computeNextReminder({ installment, settings, dispatches: own, today })
        : { kind: 'none', reason: 'reminders-disabled' };

      return {
        installment,
        statusLabel: INSTALLMENT_STATUS_LABELS[installment.status],
        paymentMethodLabel: paymentMethodLabel(installment.paymentMethod),
        reminders: own
          .map((dispatch) => ({ level: dispatch.level, day: dispatch.processedDay, status: dispatch.status, reason: dispatch.reason }))
          .sort((first, second) => first.day.localeCompare(second.day) || first.level - second.level),
        nextReminder,
        nextReminderText: settings ? this.describeNextReminder(nextReminder, invoice.documentType) : '',
        canReceivePayment: toCents(installment.residual) > 0,
      };
    });
  });

  constructor() {
    effect(() => {
      const id = Number(this.id());
      if (this.companyContext.currentId() !== null && Number.isSafeInteger(id)) {
        this.load(id);
      }
    });
  }

  protected openDueDateDialog(row: InstallmentRow): void {
    const invoice = this.invoice();
    if (invoice === null) {
      return;
    }

    this.dialog
      .open(DueDateDialog, { data: { installment: row.installment, invoiceNumber: invoice.number }, autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((updated) => this.applyInstallmentChange(updated));
  }

  protected openPaymentDialog(row: InstallmentRow): void {
    const invoice = this.invoice();
    if (invoice === null) {
      return;
    }

    this.dialog
      .open(PaymentDialog, {
        data: { installment: row.installment, invoiceNumber: invoice.number, currency: invoice.currency },
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((updated) => this.applyInstallmentChange(updated));
  }

  protected openCourtesyCopy(): void {
    const invoice = this.invoice();
    if (invoice === null || this.courtesyCopyLoading()) {
      return;
    }

    this.courtesyCopyLoading.set(true);
    this.courtesyCopyError.set(null);
    this.api.courtesyCopy(invoice.id).subscribe({
      next: (pdf) => {
        this.courtesyCopyLoading.set(false);
        const objectUrl = URL.createObjectURL(new Blob([pdf], { type: 'application/pdf' }));
        this.dialog
          .open(CourtesyCopyDialog, {
            data: { objectUrl, invoiceNumber: invoice.number, fileName: `copia-di-cortesia-${invoice.number.replace(/[^\w.-]+/g, '_')}.pdf` },
            maxWidth: '95vw',
          })
          .afterClosed()
          .subscribe(() => URL.revokeObjectURL(objectUrl));
      },
      error: (error: unknown) => {
        this.courtesyCopyLoading.set(false);
        this.courtesyCopyError.set(describeHttpError(error));
      },
    });
  }

  protected reminderStatusText(reminder: SentReminder): string {
    switch (reminder.status) {
      case 'sent':
        return $localize`:A reminder that was sent@@invoices.reminder.sent:inviato`;
      case 'sending':
        return $localize`:A reminder being sent@@invoices.reminder.sending:in invio`;
      case 'failed':
        return $localize`:A reminder whose sending failed@@invoices.reminder.failed:invio non riuscito`;
      default:
        return skipReasonText(reminder.reason);
    }
  }

  private describeNextReminder(next: NextReminder, documentType: string): string {
    if (next.kind === 'scheduled') {
      return $localize`:Next reminder of an installment@@invoices.nextReminder.scheduled:Sollecito ${next.level}:level: il ${formatDateDdMmYyyy(next.sendDay)}:day:`;
    }
    if (next.reason === 'document-type') {
      const type = documentTypeLabel(documentType);

      return $localize`:No next reminder for a document type that never gets one, e.g. a credit note@@invoices.nextReminder.none.documentTypeNamed:Nessuno: ${type}:documentType: non riceve solleciti`;
    }

    return NO_NEXT_REMINDER_LABELS[next.reason];
  }

  private applyInstallmentChange(updated: InstallmentResponse | undefined): void {
    const invoice = this.invoice();
    if (!updated || invoice === null) {
      return;
    }

    // Shows the saved installment at once, then reloads the invoice for its new residual and status.
    this.invoice.set({
      ...invoice,
      installments: invoice.installments.map((installment) => (installment.id === updated.id ? updated : installment)),
    });
    this.load(invoice.id, false);
  }

  private load(id: number, showProgress = true): void {
    if (showProgress) {
      this.loading.set(true);
      this.errorMessage.set(null);
    }

    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (invoice) => {
          this.invoice.set(invoice);
          this.loading.set(false);
          this.loadReminders(invoice.clientId);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.errorMessage.set(describeHttpError(error));
        },
      });
  }

  private loadReminders(clientId: number): void {
    this.remindersError.set(null);
    forkJoin({
      settings: this.api.reminderSettings(),
      dispatches: this.api.listClientReminders(clientId),
    })
      .pipe(
        map((result) => ({ ...result, error: null as unknown })),
        catchError((error: unknown) => of({ settings: null, dispatches: null, error })),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(({ settings, dispatches, error }) => {
        if (settings === null || dispatches === null) {
          this.settings.set(null);
          this.dispatches.set([]);
          this.remindersError.set(describeHttpError(error));
          return;
        }
        this.settings.set(settings);
        this.dispatches.set(dispatches.items);
        this.dispatchesTruncated.set(dispatches.total > MAX_PAGE_SIZE);
      });
  }
}

function skipReasonText(reason: string | null): string {
  switch (reason) {
    case 'missed':
      return $localize`:A reminder skipped because its day was missed@@invoices.reminder.skipped.missed:non inviato: giorno saltato`;
    case 'no-email':
      return $localize`:A reminder skipped because the client has no e-mail@@invoices.reminder.skipped.noEmail:non inviato: il cliente non ha un indirizzo e-mail`;
    case 'excluded':
      return $localize`:A reminder skipped because the client is excluded@@invoices.reminder.skipped.excluded:non inviato: cliente escluso dai solleciti`;
    default:
      return $localize`:A reminder that was skipped@@invoices.reminder.skipped:non inviato`;
  }
}
