import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ClientResponse, PageResponse, ReminderSettingsResponse } from '@solleciti/dto';
import { Observable } from 'rxjs';

import { CompanyContext } from '../../../core/company-context';

/** Body of PUT /reminder-settings: the fields of the settings form. */
export interface ReminderSettingsUpdate {
  enabled: boolean;
  attachCourtesyCopy: boolean;
  /** Days from the due date of reminders 1 to 3, strictly increasing. Negative values are before it. */
  offsets: number[];
  catchUpDays: number;
}

/** A page request of a client list. `page` starts at 1, as in the API. */
export interface ClientPageQuery {
  search: string;
  page: number;
  pageSize: number;
}

/** Calls of the current company's reminder settings and excluded clients. */
@Injectable({ providedIn: 'root' })
export class ReminderSettingsApi {
  private readonly http = inject(HttpClient);
  private readonly companyContext = inject(CompanyContext);

  getSettings(): Observable<ReminderSettingsResponse> {
    return this.http.get<ReminderSettingsResponse>(
      this.companyContext.apiUrl('/reminder-settings'),
    );
  }

  updateSettings(update: ReminderSettingsUpdate): Observable<ReminderSettingsResponse> {
    return this.http.put<ReminderSettingsResponse>(
      this.companyContext.apiUrl('/reminder-settings'),
      update,
    );
  }

  /** Lists the company's clients by name, excluded or not. */
  listClients(query: ClientPageQuery): Observable<PageResponse<ClientResponse>> {
    const params = pageParams(query).set('sort', 'name').set('direction', 'asc');

    return this.http.get<PageResponse<ClientResponse>>(this.companyContext.apiUrl('/clients'), {
      params,
    });
  }

  /** Lists the clients that get no reminders, which are the clients with `remindersDisabled` set. */
  listExcludedClients(query: ClientPageQuery): Observable<PageResponse<ClientResponse>> {
    return this.http.get<PageResponse<ClientResponse>>(
      this.companyContext.apiUrl('/reminder-settings/excluded-clients'),
      { params: pageParams(query) },
    );
  }

  excludeClients(clientIds: number[]): Observable<void> {
    return this.http.post<void>(this.companyContext.apiUrl('/reminder-settings/excluded-clients'), {
      clientIds,
    });
  }

  /** Takes a client off the excluded list, so it gets reminders again. */
  includeClient(clientId: number): Observable<void> {
    return this.http.delete<void>(
      this.companyContext.apiUrl(`/reminder-settings/excluded-clients/${clientId}`),
    );
  }
}

function pageParams(query: ClientPageQuery): HttpParams {
  let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
  const search = query.search.trim();
  if (search !== '') {
    params = params.set('search', search);
  }

  return params;
}
