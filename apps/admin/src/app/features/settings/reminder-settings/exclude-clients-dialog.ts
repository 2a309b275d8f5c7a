import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatNoDataRow,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import type { ClientResponse } from '@solleciti/dto';
import { EMPTY, Subject, catchError, debounceTime, distinctUntilChanged, switchMap } from 'rxjs';

import { describeHttpError } from '../../../core/http-error';
import { ReminderSettingsApi } from './reminder-settings.api';

/** Pause after the last keystroke in the search box before the list is requested again. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * Dialog that lists the company's clients, page by page from the API, and excludes the checked ones
 * from reminders. It closes with true after the exclusion is saved, and with nothing when cancelled.
 */
@Component({
  selector: 'sol-exclude-clients-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCell,
    MatCellDef,
    MatCheckbox,
    MatColumnDef,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatHint,
    MatInput,
    MatLabel,
    MatNoDataRow,
    MatPaginator,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatTable,
  ],
  templateUrl: './exclude-clients-dialog.html',
  styleUrl: './exclude-clients-dialog.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExcludeClientsDialog implements OnInit {
  private readonly api = inject(ReminderSettingsApi);
  private readonly dialogRef = inject<MatDialogRef<ExcludeClientsDialog, boolean>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly columns = ['select', 'name', 'taxId', 'status'];
  protected readonly pageSizeOptions = [10, 25, 50];
  protected readonly searchControl = new FormControl('', { nonNullable: true });

  protected readonly clients = signal<ClientResponse[]>([]);
  protected readonly total = signal(0);
  /** Zero-based, as MatPaginator counts pages. */
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(10);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  /** Ids checked so far, kept across pages and searches. */
  protected readonly selectedIds = signal<ReadonlySet<number>>(new Set());

  /** Clients of the current page that are not excluded yet, so they can be checked. */
  private readonly selectableClients = computed(() =>
    this.clients().filter((client) => !client.remindersDisabled),
  );
  protected readonly allPageSelected = computed(() => {
    const selectable = this.selectableClients();

    return selectable.length > 0 && selectable.every((client) => this.selectedIds().has(client.id));
  });
  protected readonly somePageSelected = computed(
    () =>
      !this.allPageSelected() &&
      this.selectableClients().some((client) => this.selectedIds().has(client.id)),
  );
  protected readonly pageHasSelectableClients = computed(() => this.selectableClients().length > 0);
  protected readonly taxIdOf = taxIdOf;

  /** Page requests. switchMap drops the response of a request that a newer one overtook. */
  private readonly loadRequests = new Subject<void>();

  ngOnInit(): void {
    this.loadRequests
      .pipe(
        switchMap(() =>
          this.api
            .listClients({
              search: this.searchControl.value,
              page: this.pageIndex() + 1,
              pageSize: this.pageSize(),
            })
            .pipe(
              catchError((error: unknown) => {
                this.loading.set(false);
                this.errorMessage.set(describeHttpError(error));

                return EMPTY;
              }),
            ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => {
        this.clients.set(page.items);
        this.total.set(page.total);
        this.loading.set(false);
      });
    this.searchControl.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        this.pageIndex.set(0);
        this.load();
      });
    this.load();
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.load();
  }

  protected isSelected(client: ClientResponse): boolean {
    return this.selectedIds().has(client.id);
  }

  protected selectLabel(client: ClientResponse): string {
    return $localize`:Accessible name of the checkbox that selects a client@@settings.reminders.excludeDialog.select.label:Seleziona ${client.displayName}:name:`;
  }

  protected alreadyExcludedLabel(client: ClientResponse): string {
    return $localize`:Accessible name of the disabled checkbox of a client already excluded@@settings.reminders.excludeDialog.alreadyExcluded.label:${client.displayName}:name:, già escluso`;
  }

  protected toggleClient(client: ClientResponse, checked: boolean): void {
    this.selectedIds.update((ids) => {
      const next = new Set(ids);
      if (checked) {
        next.add(client.id);
      } else {
        next.delete(client.id);
      }

      return next;
    });
  }

  /** Checks every client of the page that is not excluded yet, or unchecks them all. */
  protected togglePage(checked: boolean): void {
    this.selectedIds.update((ids) => {
      const next = new Set(ids);
      for (const client of this.selectableClients()) {
        if (checked) {
          next.add(client.id);
        } else {
          next.delete(client.id);
        }
      }

      return next;
    });
  }

  protected excludeSelected(): void {
    const clientIds = [...this.selectedIds()];
    if (clientIds.length === 0 || this.saving()) {
      return;
    }

    this.saving.set(true);
    this.errorMessage.set(null);
    this.api.excludeClients(clientIds).subscribe({
      next: () => this.dialogRef.close(true),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(describeHttpError(error));
      },
    });
  }

  private load(): void {
    this.loading.set(true);
    this.errorMessage.set(null);
    this.loadRequests.next();
  }
}

/** Returns the VAT number or, failing that, the fiscal code of a client, or a dash. */
export function taxIdOf(client: ClientResponse): string {
  return client.vatNumber ?? client.fiscalCode ?? '—';
}
