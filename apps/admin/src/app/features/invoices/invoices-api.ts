import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ClientResponse,
  ImportResponse,
  InstallmentResponse,
  InvoiceDetailResponse,
  InvoiceSummaryResponse,
  PageResponse,
  ReminderDispatchResponse,
  ReminderSettingsResponse,
} from '@solleciti/dto';
import { Observable } from 'rxjs';

import { CompanyContext } from '../../core/company-context';

export interface InvoiceListQuery {
  search: string;
  clientId: number | null;
  /** 1-based page number, as the API counts pages. */
  page: number;
  pageSize: number;
}

/** The largest pageSize the list endpoints accept. */
export const MAX_PAGE_SIZE = 200;

/** Calls of the invoice screens to the current company's API routes. */
@Injectable({ providedIn: 'root' })
export class InvoicesApi {
  private readonly http = inject(HttpClient);
  private readonly companyContext = inject(CompanyContext);

  list(query: InvoiceListQuery): Observable<PageResponse<InvoiceSummaryResponse>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    const search = query.search.trim();
    if (search !== '') {
      params = params.set('search', search);
    }
    if (query.clientId !== null) {
      params = params.set('clientId', query.clientId);
    }

    return this.http.get<PageResponse<InvoiceSummaryResponse>>(this.companyContext.apiUrl('/invoices'), { params });
  }

  /** Loads the first 200 clients by name, for the client filter. */
  listClients(): Observable<PageResponse<ClientResponse>> {
    const params = new HttpParams().set('pageSize', MAX_PAGE_SIZE).set('sort', 'name');

    return this.http.get<PageResponse<ClientResponse>>(this.companyContext.apiUrl('/clients'), { params });
  }

  get(id: number): Observable<InvoiceDetailResponse> {
    return this.http.get<InvoiceDetailResponse>(this.companyContext.apiUrl(`/invoices/${id}`));
  }

  courtesyCopy(id: number): Observable<Blob> {
    return this.http.get(this.companyContext.apiUrl(`/invoices/${id}/courtesy-copy`), { responseType: 'blob' });
  }

  /**
   * Uploads FatturaPA files, emitting the upload progress events and then the response.
   * Upload progress needs an HttpClient on the XMLHttpRequest backend (see invoices.routes.ts).
   */
  importFiles(files: readonly File[], http: HttpClient = this.http): Observable<HttpEvent<ImportResponse>> {
    const body = new FormData();
    for (const file of files) {
      body.append('files', file, file.name);
    }

    return http.post<ImportResponse>(this.companyContext.apiUrl('/invoices/import'), body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  /** Changes an installment's due date; `dueDate` is a plain date, YYYY-MM-DD. */
  updateDueDate(installmentId: number, dueDate: string): Observable<InstallmentResponse> {
    return this.http.patch<InstallmentResponse>(this.companyContext.apiUrl(`/installments/${installmentId}`), { dueDate });
  }

  /** Registers a payment; `amount` is a decimal string such as "1234.56", `paidOn` is YYYY-MM-DD. */
  registerPayment(installmentId: number, amount: string, paidOn: string): Observable<InstallmentResponse> {
    return this.http.post<InstallmentResponse>(this.companyContext.apiUrl(`/installments/${installmentId}/payments`), {
      amount,
      paidOn,
    });
  }

  /** Loads the latest 200 reminder dispatches of a client; the API has no invoice filter. */
  listClientReminders(clientId: number): Observable<PageResponse<ReminderDispatchResponse>> {
    const params = new HttpParams().set('clientId', clientId).set('page', 1).set('pageSize', MAX_PAGE_SIZE);

    return this.http.get<PageResponse<ReminderDispatchResponse>>(this.companyContext.apiUrl('/reminders'), { params });
  }

  reminderSettings(): Observable<ReminderSettingsResponse> {
    return this.http.get<ReminderSettingsResponse>(this.companyContext.apiUrl('/reminder-settings'));
  }
}
