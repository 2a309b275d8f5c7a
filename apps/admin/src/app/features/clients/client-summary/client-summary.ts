import { NON_REMINDED_DOCUMENT_TYPES } from '@solleciti/util';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { ClientResponse, PageResponse, ReminderDispatchResponse } from '@solleciti/dto';
import { filter, from, map, mergeMap, of, switchMap, toArray } from 'rxjs';

import { MoneyPipe, PlainDatePipe } from '../../../core/formatting';
import { describeHttpError } from '../../../core/http-error';
import { CLIENT_KIND_LABELS, REMINDER_STATUS_LABELS, remindersStateLabel } from '../client-labels';
import { ClientsApi } from '../clients-api';
import { DeleteClientDialog, DeleteClientDialogData } from './delete-client-dialog';
import { OpenInvoiceRow, isPositiveAmount, openInvoiceRow } from './open-invoices';

/** Invoices scanned for open installments: the most recent ones, as the API lists them by date. */
export const INVOICES_SCANNED = 200;
/** Invoice details fetched in parallel to find the next due dates. */
const DETAIL_CONCURRENCY = 4;
export const REMINDERS_PAGE_SIZE = 10;

/** Riepilogo cliente: data, reminder exclusion, open invoices and reminders received. */
@Component({
  selector: 'sol-client-summary',
  imports: [RouterLink, MatButton, MatPaginator, MatProgressBar, MatTableModule, MoneyPipe, PlainDatePipe],
  templateUrl: './client-summary.html',
  styleUrl: './client-summary.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientSummary implements OnInit {
  private readonly api = inject(ClientsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  /** Client id from the route clienti/:id. */
  readonly id = input.required<string>();

  protected readonly kindLabels = CLIENT_KIND_LABELS;
  protected readonly remindersStateLabel = remindersStateLabel;
  protected readonly invoiceColumns = ['number', 'date', 'residual', 'nextDueDate'];
  protected readonly reminderColumns = ['day', 'invoice', 'installment', 'level', 'status'];
  protected readonly remindersPageSize = REMINDERS_PAGE_SIZE;
  protected readonly invoicesScanned = INVOICES_SCANNED;

  protected readonly client = signal<ClientResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly updatingReminders = signal(false);
  protected readonly deleting = signal(false);

  protected readonly openInvoices = signal<OpenInvoiceRow[] | null>(null);
  protected readonly invoiceTotal = signal(0);
  protected readonly invoicesError = signal<string | null>(null);

  protected readonly reminders = signal<PageResponse<ReminderDispatchResponse> | null>(null);
  protected readonly remindersError = signal<string | null>(null);

  protected readonly addressLines = computed(() => {
    const address = this.client()?.address;
    if (!address) {
      return [];
    }

    const street = [address.street, address.streetNumber].filter(Boolean).join(', ');
    const province = address.province ? `(${address.province})` : '';
    const town = [address.postalCode, address.city, province].filter(Boolean).join(' ');
    const country = address.country && address.country !== 'IT' ? address.country : '';

    return [street, town, country].filter((line) => line !== '');
  });

  ngOnInit(): void {
    const id = Number(this.id());
    if (!Number.isSafeInteger(id) || id <= 0) {
      this.loading.set(false);
      this.errorMessage.set(describeHttpError(new HttpErrorResponse({ status: 404 })));
      return;
    }

    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (client) => {
          this.loading.set(false);
          this.client.set(client);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.errorMessage.set(describeHttpError(error));
        },
      });
    this.loadOpenInvoices(id);
    this.loadReminders(id, 1);
  }

  /** Switches automatic reminders on or off and shows the saved state. */
  protected toggleReminders(): void {
    const client = this.client();
    if (!client || this.updatingReminders()) {
      return;
    }

    this.updatingReminders.set(true);
    this.actionError.set(null);
    this.api
      .update(client.id, { remindersDisabled: !client.remindersDisabled })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.updatingReminders.set(false);
          this.client.set(updated);
        },
        error: (error: unknown) => {
          this.updatingReminders.set(false);
          this.actionError.set(describeHttpError(error));
        },
      });
  }

  protected confirmDelete(): void {
    const client = this.client();
    if (!client || this.deleting()) {
      return;
    }

    this.actionError.set(null);
    this.dialog
      .open<DeleteClientDialog, DeleteClientDialogData, boolean>(DeleteClientDialog, {
        data: { name: client.displayName },
        width: '440px',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.deleting.set(true);
          return this.api.delete(client.id);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.deleting.set(false);
          void this.router.navigate(['/anagrafiche/clienti']);
        },
        error: (error: unknown) => {
          this.deleting.set(false);
          this.actionError.set(deleteErrorMessage(error));
        },
      });
  }

  protected statusLabelOf(reminder: ReminderDispatchResponse): string {
    return REMINDER_STATUS_LABELS[reminder.status];
  }

  protected remindersPageChanged(event: PageEvent): void {
    const client = this.client();
    if (client) {
      this.loadReminders(client.id, event.pageIndex + 1);
    }
  }

  /**
   * Lists the client's invoices, keeps those with a residual above zero and reads their details
   * for the next due date. Only the most recent INVOICES_SCANNED invoices are scanned.
   */
  private loadOpenInvoices(clientId: number): void {
    this.api
      .listInvoices(clientId, 1, INVOICES_SCANNED)
      .pipe(
        switchMap((page) => {
          this.invoiceTotal.set(page.total);
          // Credit notes and self-invoices carry amounts but are never collected from the client.
          const open = page.items.filter(
            (invoice) => isPositiveAmount(invoice.residual) && !NON_REMINDED_DOCUMENT_TYPES.has(invoice.documentType),
          );
          if (open.length === 0) {
            return of([]);
          }

          return from(open).pipe(
            mergeMap((invoice) => this.api.getInvoice(invoice.id).pipe(map(openInvoiceRow)), DETAIL_CONCURRENCY),
            toArray(),
            // Details arrive in any order; the list keeps the API's order, newest invoice first.
            map((rows) => open.map((invoice) => rows.find((row) => row.invoice.id === invoice.id)).filter((row) => !!row)),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (rows) => this.openInvoices.set(rows),
        error: (error: unknown) => this.invoicesError.set(describeHttpError(error)),
      });
  }

  private loadReminders(clientId: number, page: number): void {
    this.remindersError.set(null);
    this.api
      .listReminders(clientId, page, REMINDERS_PAGE_SIZE)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (reminders) => this.reminders.set(reminders),
        error: (error: unknown) => this.remindersError.set(describeHttpError(error)),
      });
  }
}

function deleteErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse && error.status === 409) {
    return $localize`:Delete error, the client has invoices@@clients.delete.hasInvoices:Il cliente ha delle fatture registrate e non può essere eliminato. Per non inviargli più solleciti, usa «Non inviare solleciti» nel riquadro Solleciti di pagamento automatici.`;
  }

  return describeHttpError(error);
}
