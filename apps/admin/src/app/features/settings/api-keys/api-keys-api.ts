import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse } from '@solleciti/dto';
import { Observable } from 'rxjs';

import { CompanyContext } from '../../../core/company-context';

/** The current company's API keys. */
@Injectable({ providedIn: 'root' })
export class ApiKeysApi {
  private readonly http = inject(HttpClient);
  private readonly companyContext = inject(CompanyContext);

  list(): Observable<ApiKeyResponse[]> {
    return this.http.get<ApiKeyResponse[]>(this.companyContext.apiUrl('/api-keys'));
  }

  create(body: CreateApiKeyDto): Observable<CreatedApiKeyResponse> {
    return this.http.post<CreatedApiKeyResponse>(this.companyContext.apiUrl('/api-keys'), body);
  }

  revoke(id: number): Observable<void> {
    return this.http.delete<void>(this.companyContext.apiUrl(`/api-keys/${id}`));
  }
}
