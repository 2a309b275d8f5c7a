import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { ClientResponse, InvoiceSummaryResponse } from '@solleciti/dto';
import { toCents } from '@solleciti/util';
import { debounceTime, distinctUntilChanged } from 'rxjs';

import { CompanyContext } from '../../../core/company-context';
import { MoneyPipe, PlainDatePipe } from '../../../core/formatting';
import { describeHttpError } from '../../../core/http-error';
import { INVOICE_LIST_STATUS_LABELS, InvoiceListStatus, documentTypeLabel, invoiceListStatus } from '../invoice-labels';
import { InvoicesApi } from '../invoices-api';
import { ReminderAttention } from '../../reminders/reminder-attention';

const DEFAULT_PAGE_SIZE = 25;
const SEARCH_DEBOUNCE_MS = 300;

interface InvoiceRow extends InvoiceSummaryResponse {
  typeLabel: string;
  status: InvoiceListStatus;
  statusLabel: string;
}

/** Fatture: the company's invoices, with search, client filter and server-side paging. */
@Component({
  selector: 'sol-invoice-list',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    MatTableModule,
    MoneyPipe,
    PlainDatePipe,
    ReminderAttention,
    RouterLink,
  ],
  templateUrl: './invoice-list.html',
  styleUrl: './invoice-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceList implements OnInit {
  private readonly api = inject(InvoicesApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly companyContext = inject(CompanyContext);

  /** Client to filter by, from the `clientId` query parameter (links from the client page). */
  readonly clientId = input<string | undefined>();

  protected readonly displayedColumns = ['number', 'date', 'client', 'type', 'total', 'residual', 'status'];
  protected readonly searchControl = new FormControl('', { nonNullable: true });
  protected readonly clientControl = new FormControl<number | null>(null);
  protected readonly onlyResidualControl = new FormControl(false, { nonNullable: true });

  protected readonly clients = signal<ClientResponse[]>([]);
  protected readonly loading = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly pageItems = signal<InvoiceRow[]>([]);
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly onlyResidual = signal(false);

  /** The current page's rows, narrowed to those with an amount left when the checkbox is on. */
  protected readonly rows = computed(() =>
    this.onlyResidual() ? this.pageItems().filter((row) => toCents(row.residual) > 0) : this.pageItems(),
  );
  protected readonly hiddenByResidualFilter = computed(() => this.pageItems().length - this.rows().length);

  private requestId = 0;

  constructor() {
    // Switching company in the top bar reloads the list from the first page.
    effect(() => {
      if (this.companyContext.currentId() !== null) {
        this.pageIndex.set(0);
        this.load();
        this.loadClients();
      }
    });
  }

  ngOnInit(): void {
    const initialClientId = Number(this.clientId());
    if (Number.isSafeInteger(initialClientId) && initialClientId > 0) {
      this.clientControl.setValue(initialClientId, { emitEvent: false });
    }

    this.searchControl.valueChanges
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.reloadFromFirstPage());
    this.clientControl.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.reloadFromFirstPage());
    this.onlyResidualControl.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((value) => this.onlyResidual.set(value));
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.load();
  }

  protected openInvoice(row: InvoiceRow): void {
    void this.router.navigate(['/fatture', row.id]);
  }

  private reloadFromFirstPage(): void {
    this.pageIndex.set(0);
    this.load();
  }

  private load(): void {
    const requestId = ++this.requestId;
    this.loading.set(true);
    this.errorMessage.set(null);

    this.api
      .list({
        search: this.searchControl.value,
        clientId: this.clientControl.value,
        page: this.pageIndex() + 1,
        pageSize: this.pageSize(),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          // A slower earlier request must not overwrite the response to a later filter.
          if (requestId !== this.requestId) {
            return;
          }
          this.pageItems.set(page.items.map(toRow));
          this.total.set(page.total);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          if (requestId !== this.requestId) {
            return;
          }
          this.pageItems.set([]);
          this.total.set(0);
          this.loading.set(false);
          this.errorMessage.set(describeHttpError(error));
        },
      });
  }

  private loadClients(): void {
    this.api
      .listClients()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => this.clients.set(page.items),
        // The filter is optional: without clients it offers only "Tutti i clienti".
        error: (error: unknown) => console.error('Loading the clients for the invoice filter failed.', error),
      });
  }
}

function toRow(invoice: InvoiceSummaryResponse): InvoiceRow {
  const status = invoiceListStatus(invoice.residual, invoice.documentType);

  return {
    ...invoice,
    typeLabel: documentTypeLabel(invoice.documentType),
    status,
    statusLabel: INVOICE_LIST_STATUS_LABELS[status],
  };
}
