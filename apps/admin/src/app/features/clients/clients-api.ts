import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ClientResponse,
  CreateClientDto,
  InvoiceDetailResponse,
  InvoiceSummaryResponse,
  PageResponse,
  ReminderDispatchResponse,
  UpdateClientDto,
} from '@solleciti/dto';
import { Observable } from 'rxjs';

import { CompanyContext } from '../../core/company-context';

/** Query of the client list; the server searches, sorts and pages. */
export interface ClientListQuery {
  search: string;
  /** 1-based, as the API counts pages. */
  page: number;
  pageSize: number;
  sort: 'name' | 'createdAt';
  direction: 'asc' | 'desc';
}

/** Calls to the client, invoice and reminder routes of the current company. */
@Injectable({ providedIn: 'root' })
export class ClientsApi {
  private readonly http = inject(HttpClient);
  private readonly companyContext = inject(CompanyContext);

  list(query: ClientListQuery): Observable<PageResponse<ClientResponse>> {
    let params = new HttpParams()
      .set('page', query.page)
      .set('pageSize', query.pageSize)
      .set('sort', query.sort)
      .set('direction', query.direction);
    if (query.search) {
      params = params.set('search', query.search);
    }

    return this.http.get<PageResponse<ClientResponse>>(this.companyContext.apiUrl('/clients'), { params });
  }

  /** Downloads the client list as CSV, filtered by `search` as the list is. */
  exportCsv(search: string): Observable<HttpResponse<Blob>> {
    const params = search ? new HttpParams().set('search', search) : new HttpParams();

    return this.http.get(this.companyContext.apiUrl('/clients/export.csv'), { params, responseType: 'blob', observe: 'response' });
  }

  get(id: number): Observable<ClientResponse> {
    return this.http.get<ClientResponse>(this.companyContext.apiUrl(`/clients/${id}`));
  }

  create(body: CreateClientDto): Observable<ClientResponse> {
    return this.http.post<ClientResponse>(this.companyContext.apiUrl('/clients'), body);
  }

  update(id: number, body: UpdateClientDto): Observable<ClientResponse> {
    return this.http.patch<ClientResponse>(this.companyContext.apiUrl(`/clients/${id}`), body);
  }

  delete(id: number): Observable<void> {
    return this.http.delete<void>(this.companyContext.apiUrl(`/clients/${id}`));
  }

  listInvoices(clientId: number, page: number, pageSize: number): Observable<PageResponse<InvoiceSummaryResponse>> {
    const params = new HttpParams().set('clientId', clientId).set('page', page).set('pageSize', pageSize);

    return this.http.get<PageResponse<InvoiceSummaryResponse>>(this.companyContext.apiUrl('/invoices'), { params });
  }

  getInvoice(id: number): Observable<InvoiceDetailResponse> {
    return this.http.get<InvoiceDetailResponse>(this.companyContext.apiUrl(`/invoices/${id}`));
  }

  listReminders(clientId: number, page: number, pageSize: number): Observable<PageResponse<ReminderDispatchResponse>> {
    const params = new HttpParams().set('clientId', clientId).set('page', page).set('pageSize', pageSize);

    return this.http.get<PageResponse<ReminderDispatchResponse>>(this.companyContext.apiUrl('/reminders'), { params });
  }
}
