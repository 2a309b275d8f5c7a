import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ClientResponse } from '@solleciti/dto';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';

import { FileDownload, fileNameFromDisposition } from '../../../core/file-download';
import { describeHttpError } from '../../../core/http-error';
import { CLIENT_KIND_LABELS, remindersStateLabel } from '../client-labels';
import { ClientListQuery, ClientsApi } from '../clients-api';

export const PAGE_SIZE_OPTIONS = [25, 50, 100];
const SEARCH_DEBOUNCE_MS = 300;

/** Anagrafiche › Clienti: the client list, searched, sorted and paged by the server. */
@Component({
  selector: 'sol-client-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatChip,
    MatChipSet,
    MatFormField,
    MatInput,
    MatLabel,
    MatPaginator,
    MatProgressBar,
    MatSort,
    MatSortHeader,
    MatTableModule,
  ],
  templateUrl: './client-list.html',
  styleUrl: './client-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientList {
  private readonly api = inject(ClientsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly fileDownload = inject(FileDownload);

  protected readonly columns = ['name', 'identifier', 'kind', 'email', 'reminders'];
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly remindersStateLabel = remindersStateLabel;

  /** Current query; it starts from the URL so that Back from a client returns to the same page. */
  protected readonly query = signal<ClientListQuery>(queryFromUrl(this.route.snapshot.queryParamMap));
  protected readonly searchControl = new FormControl(this.query().search, { nonNullable: true });

  protected readonly clients = signal<ClientResponse[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly exporting = signal(false);

  constructor() {
    const destroyRef = inject(DestroyRef);

    this.searchControl.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((search) => this.updateQuery({ search, page: 1 }));

    toObservable(this.query)
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.errorMessage.set(null);
        }),
        switchMap((query) =>
          this.api.list(query).pipe(
            catchError((error: unknown) => {
              this.errorMessage.set(describeHttpError(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((page) => {
        this.loading.set(false);
        if (page) {
          this.clients.set(page.items);
          this.total.set(page.total);
        }
      });
  }

  protected sortChanged(sort: Sort): void {
    // Clearing the sort falls back to the default order, by name A to Z.
    this.updateQuery({ sort: 'name', direction: sort.direction === 'desc' ? 'desc' : 'asc', page: 1 });
  }

  protected pageChanged(event: PageEvent): void {
    this.updateQuery({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  /** Downloads every client that matches the current search as CSV, not only the page shown. */
  protected exportCsv(): void {
    if (this.exporting()) {
      return;
    }

    this.exporting.set(true);
    this.errorMessage.set(null);
    this.api.exportCsv(this.query().search).subscribe({
      next: (response) => {
        this.exporting.set(false);
        const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition'), 'clienti.csv');
        this.fileDownload.save(response.body ?? new Blob([]), fileName);
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.errorMessage.set(describeHttpError(error));
      },
    });
  }

  protected openClient(client: ClientResponse): void {
    void this.router.navigate([client.id], { relativeTo: this.route });
  }

  protected kindLabelOf(client: ClientResponse): string {
    return CLIENT_KIND_LABELS[client.kind];
  }

  /** Returns the partita IVA, else the codice fiscale, as the list shows it. */
  protected identifierOf(client: ClientResponse): string {
    return client.vatNumber ?? client.fiscalCode ?? '—';
  }

  private updateQuery(change: Partial<ClientListQuery>): void {
    const query = { ...this.query(), ...change };
    this.query.set(query);
    void this.router.navigate([], {
      relativeTo: this.route,
      replaceUrl: true,
      queryParams: {
        q: query.search || null,
        page: query.page > 1 ? query.page : null,
        size: query.pageSize !== PAGE_SIZE_OPTIONS[0] ? query.pageSize : null,
        dir: query.direction === 'desc' ? 'desc' : null,
      },
    });
  }
}

function queryFromUrl(params: { get(name: string): string | null }): ClientListQuery {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('size'));

  return {
    search: params.get('q') ?? '',
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE_OPTIONS.includes(pageSize) ? pageSize : PAGE_SIZE_OPTIONS[0],
    sort: 'name',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}
