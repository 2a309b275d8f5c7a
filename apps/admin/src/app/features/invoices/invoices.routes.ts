import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { Routes } from '@angular/router';

import { authInterceptor } from '../../auth/auth.interceptor';

// Fatture: /fatture, /fatture/importa and /fatture/:id.
export const INVOICES_ROUTES: Routes = [
  {
    path: '',
    title: $localize`:Page title@@page.invoices:Fatture`,
    loadComponent: () => import('./invoice-list/invoice-list').then((m) => m.InvoiceList),
  },
  {
    path: 'importa',
    title: $localize`:Browser tab title of the invoice import page@@invoices.import.pageTitle:Importa fatture`,
    loadComponent: () => import('./invoice-import/invoice-import').then((m) => m.InvoiceImport),
    // The app's HttpClient uses the fetch backend, which reports no upload progress. This page gets
    // its own HttpClient on the XMLHttpRequest backend, with the same bearer-token interceptor.
    providers: [provideHttpClient(withInterceptors([authInterceptor]))],
  },
  {
    path: ':id',
    title: $localize`:Browser tab title of the invoice page@@invoices.detail.pageTitle:Fattura`,
    loadComponent: () => import('./invoice-detail/invoice-detail').then((m) => m.InvoiceDetail),
  },
];
