import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { CompanyResponse } from '@solleciti/dto';
import { firstValueFrom } from 'rxjs';

const COMPANY_STORAGE_KEY = 'solleciti.companyId';

/**
 * The companies the user may see and the one being worked on. Every feature reads the company id
 * from here, so switching company in the top bar switches every screen.
 */
@Injectable({ providedIn: 'root' })
export class CompanyContext {
  private readonly http = inject(HttpClient);

  readonly companies = signal<CompanyResponse[]>([]);
  readonly loaded = signal(false);
  private readonly selectedId = signal<number | null>(readStoredCompanyId());

  /** The current company, or null when the user has none. */
  readonly current = computed(() => {
    const companies = this.companies();

    return companies.find((company) => company.id === this.selectedId()) ?? companies[0] ?? null;
  });

  readonly currentId = computed(() => this.current()?.id ?? null);

  /** Loads the companies once per login; later calls reuse them. */
  async load(force = false): Promise<void> {
    if (this.loaded() && !force) {
      return;
    }

    this.companies.set(await firstValueFrom(this.http.get<CompanyResponse[]>('/api/companies')));
    this.loaded.set(true);
  }

  select(companyId: number): void {
    this.selectedId.set(companyId);
    try {
      sessionStorage.setItem(COMPANY_STORAGE_KEY, String(companyId));
    } catch {
      // Blocked storage only means the choice is forgotten on reload.
    }
  }

  /** Returns the base URL of the current company's API routes, e.g. /api/companies/3. */
  apiUrl(path = ''): string {
    const companyId = this.currentId();
    if (companyId === null) {
      throw new Error('No company is selected');
    }

    return `/api/companies/${companyId}${path}`;
  }

  reset(): void {
    this.companies.set([]);
    this.loaded.set(false);
  }
}

function readStoredCompanyId(): number | null {
  try {
    const stored = Number(sessionStorage.getItem(COMPANY_STORAGE_KEY));

    return Number.isSafeInteger(stored) && stored > 0 ? stored : null;
  } catch {
    return null;
  }
}
