import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
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
import { EMPTY, Subject, catchError, switchMap } from 'rxjs';

import { CompanyContext } from '../../../core/company-context';
import { describeHttpError } from '../../../core/http-error';
import { ExcludeClientsDialog, taxIdOf } from './exclude-clients-dialog';
import { ReminderSettingsApi } from './reminder-settings.api';

/**
 * The clients excluded from reminders, page by page, with "Escludi clienti" to add some and
 * "Elimina" to take one off. The list is the clients' remindersDisabled flag, so it is requested
 * again whenever the page becomes visible, the company changes, or this list changes.
 */
@Component({
  selector: 'sol-excluded-clients',
  imports: [
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatNoDataRow,
    MatPaginator,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatTable,
  ],
  templateUrl: './excluded-clients.html',
  styleUrl: './excluded-clients.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:visibilitychange)': 'reloadWhenVisible()' },
})
export class ExcludedClients {
  private readonly api = inject(ReminderSettingsApi);
  private readonly companyContext = inject(CompanyContext);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly columns = ['name', 'taxId', 'emails', 'actions'];
  protected readonly pageSizeOptions = [10, 25, 50];
  protected readonly taxIdOf = taxIdOf;

  protected readonly clients = signal<ClientResponse[]>([]);
  protected readonly total = signal(0);
  /** Zero-based, as MatPaginator counts pages. */
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(10);
  protected readonly loading = signal(false);
  /** Id of the client being taken off the list, whose "Elimina" button is disabled meanwhile. */
  protected readonly removingId = signal<number | null>(null);
  protected readonly errorMessage = signal<string | null>(null);

  /** Page requests. switchMap drops the response of a request that a newer one overtook. */
  private readonly loadRequests = new Subject<void>();

  constructor() {
    this.loadRequests
      .pipe(
        switchMap(() =>
          this.api
            .listExcludedClients({
              search: '',
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
        // A removal can empty the last page: show the page before it instead.
        if (page.items.length === 0 && page.total > 0 && this.pageIndex() > 0) {
          this.pageIndex.set(Math.ceil(page.total / this.pageSize()) - 1);
          this.load();
          return;
        }
        this.clients.set(page.items);
        this.total.set(page.total);
        this.loading.set(false);
      });

    // Another company shows another list, starting from its first page.
    effect(() => {
      if (this.companyContext.currentId() === null) {
        return;
      }
      untracked(() => {
        this.pageIndex.set(0);
        this.load();
      });
    });
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.load();
  }

  protected openExcludeDialog(): void {
    this.dialog
      .open<ExcludeClientsDialog, void, boolean>(ExcludeClientsDialog, {
        width: '880px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((excluded) => {
        if (excluded === true) {
          this.snackBar.open(
            $localize`:Snack bar after clients were excluded from reminders@@settings.reminders.excluded.added:Clienti esclusi dai solleciti`,
            undefined,
            { duration: 4000 },
          );
          this.load();
        }
      });
  }

  protected remove(client: ClientResponse): void {
    if (this.removingId() !== null) {
      return;
    }

    this.removingId.set(client.id);
    this.errorMessage.set(null);
    this.api.includeClient(client.id).subscribe({
      next: () => {
        this.removingId.set(null);
        this.snackBar.open(
          $localize`:Snack bar after a client was taken off the excluded list@@settings.reminders.excluded.removed:${client.displayName}:name: riceverà di nuovo i solleciti`,
          undefined,
          { duration: 4000 },
        );
        this.load();
      },
      error: (error: unknown) => {
        this.removingId.set(null);
        this.errorMessage.set(describeHttpError(error));
      },
    });
  }

  protected removeLabel(client: ClientResponse): string {
    return $localize`:Accessible name of the button that takes a client off the excluded list@@settings.reminders.excluded.remove.label:Elimina ${client.displayName}:name: dai clienti esclusi`;
  }

  /** Requests the list again when the browser tab comes back, since the flag may have changed elsewhere. */
  protected reloadWhenVisible(): void {
    if (document.visibilityState === 'visible') {
      this.load();
    }
  }

  private load(): void {
    this.loading.set(true);
    this.errorMessage.set(null);
    this.loadRequests.next();
  }
}
