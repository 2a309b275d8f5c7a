import { Routes } from '@angular/router';

// Fatture: /fatture and its pages.
export const INVOICES_ROUTES: Routes = [
  {
    path: '',
    title: $localize`:Page title@@page.invoices:Fatture`,
    loadComponent: () => import('../../sections/section-placeholder').then((m) => m.SectionPlaceholder),
    data: { heading: $localize`:Page heading@@page.invoices:Fatture` },
  },
];
